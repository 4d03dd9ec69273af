package com.flowstate.opportunity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.flow.FlowCatalogue;

/** The opportunity types and which flow each starts; an admin chooses the flow of a type. */
@Service
public class OpportunityTypeService {

    private final JdbcClient jdbc;
    private final FlowCatalogue catalogue;

    OpportunityTypeService(JdbcClient jdbc, FlowCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** Every type, in the order the list shows them. */
    @Transactional(readOnly = true)
    public List<OpportunityType> types() {
        return jdbc.sql("select key, name, flow_key from opportunity_type order by position, key")
                .query(OpportunityType.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<OpportunityType> find(String key) {
        return jdbc.sql("select key, name, flow_key from opportunity_type where key = ?").param(key)
                .query(OpportunityType.class).optional();
    }

    /**
     * New opportunities of this type start on this flow from now on; running ones stay on theirs.
     *
     * @param flowKey a deployed flow, or null for the default flow
     * @throws IllegalArgumentException naming an unknown type or flow
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public OpportunityType chooseFlow(String typeKey, String flowKey) {
        OpportunityType type = require(typeKey);
        String flow = blank(flowKey) ? null : requireFlow(flowKey.strip());
        jdbc.sql("update opportunity_type set flow_key = ? where key = ?").params(flow, type.key()).update();
        return new OpportunityType(type.key(), type.name(), flow);
    }

    /**
     * The flow a new opportunity starts on: the one asked for, else its type's, else the default flow.
     *
     * @throws IllegalArgumentException naming an unknown type or flow
     */
    @Transactional(readOnly = true)
    public String flowOf(String typeKey, String flowKey) {
        if (!blank(flowKey)) {
            return requireFlow(flowKey.strip());
        }
        String ofType = blank(typeKey) ? null : require(typeKey).flowKey();
        return requireFlow(ofType == null ? catalogue.defaultFlowKey() : ofType);
    }

    /** @throws IllegalArgumentException naming the type and the known ones */
    OpportunityType require(String typeKey) {
        return find(typeKey == null ? "" : typeKey.strip()).orElseThrow(() -> new IllegalArgumentException(
                "Unknown opportunity type '" + typeKey + "' (known: " + types().stream().map(OpportunityType::key)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private String requireFlow(String flowKey) {
        if (!catalogue.exists(flowKey)) {
            throw new IllegalArgumentException("Unknown flow '" + flowKey + "': no deployed process with substates "
                    + "has this key");
        }
        return flowKey;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
