package com.flowstate.partner;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform company and its partner companies. */
@Service
public class CompanyService {

    private static final String SELECT = "select id, name, kind, email from company ";

    private final JdbcClient jdbc;

    CompanyService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Company create(String name, CompanyKind kind, String email) {
        long id = jdbc.sql("insert into company (name, kind, email) values (?, ?, ?) returning id")
                .params(name, kind.name(), email).query(Long.class).single();
        return new Company(id, name, kind, email);
    }

    @Transactional(readOnly = true)
    public Optional<Company> findById(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(Company.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Company> findByName(String name) {
        return jdbc.sql(SELECT + "where name = ?").param(name).query(Company.class).optional();
    }

    /** Partner companies of one kind, by name. */
    @Transactional(readOnly = true)
    public List<Company> partners(CompanyKind kind) {
        return jdbc.sql(SELECT + "where kind = ? order by name").param(kind.name()).query(Company.class).list();
    }

    /** Renames a company, changes its kind or contact e-mail. */
    @Transactional
    public void update(long id, String name, CompanyKind kind, String email) {
        jdbc.sql("update company set name = ?, kind = ?, email = ? where id = ?")
                .params(name, kind.name(), email, id).update();
    }

    /**
     * Deactivates a company or makes it active again. A deactivated one keeps its history, gets no new assignments
     * ({@link PartnerZoneService#covering}) and its users cannot sign in.
     */
    @Transactional
    public void setActive(long id, boolean active) {
        jdbc.sql("update company set active = ? where id = ?").params(active, id).update();
    }
}
