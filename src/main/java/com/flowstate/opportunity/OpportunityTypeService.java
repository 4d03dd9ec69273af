package com.flowstate.opportunity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.flow.FlowCatalogue;
import com.flowstate.i18n.Reason;

/**
 * The opportunity types and which flow each starts; an admin adds types, renames them, orders them and chooses the
 * flow of each (every change audited).
 */
@Service
public class OpportunityTypeService {

    private static final Logger log = LoggerFactory.getLogger(OpportunityTypeService.class);
    /** V11__opportunity_types_and_flows.sql's check on the key. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_NAME = 100;
    static final int MAX_POSITION = 100_000;

    private final JdbcClient jdbc;
    private final FlowCatalogue catalogue;
    private final AuditTrail audit;

    OpportunityTypeService(JdbcClient jdbc, FlowCatalogue catalogue, AuditTrail audit) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** Every type, in the order the list shows them. */
    @Transactional(readOnly = true)
    public List<OpportunityType> types() {
        return jdbc.sql("select key, name, flow_key, position from opportunity_type order by position, key")
                .query(OpportunityType.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<OpportunityType> find(String key) {
        return jdbc.sql("select key, name, flow_key, position from opportunity_type where key = ?").param(key)
                .query(OpportunityType.class).optional();
    }

    /**
     * New opportunities of this type start on this flow from now on; running ones stay on theirs. Leaves an audit row.
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
        OpportunityType after = new OpportunityType(type.key(), type.name(), flow, type.position());
        audit.record(AuditArea.OPPORTUNITY_TYPE, type.key(), AuditChange.UPDATED, type, after);
        return after;
    }

    /**
     * Adds a type to the list; new opportunities of it start on its flow. Leaves an audit row.
     *
     * @throws InvalidOpportunityTypeException naming the field at fault (also a key already taken)
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public OpportunityType create(OpportunityTypeChange change) {
        String key = change.key() == null ? "" : change.key().strip();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidOpportunityTypeException("key", Reason.of("types.keyInvalid", "value", shown(change.key())));
        }
        if (find(key).isPresent()) {
            throw new InvalidOpportunityTypeException("key", Reason.of("types.keyTaken", "value", key));
        }
        String name = validName(change.name());
        String flow = validFlow(change.flowKey());
        int position = change.position() == null
                ? jdbc.sql("select coalesce(max(position), 0) + 10 from opportunity_type").query(Integer.class).single()
                : validPosition(change.position());
        jdbc.sql("insert into opportunity_type (key, name, flow_key, position) values (?, ?, ?, ?)")
                .params(key, name, flow, position).update();
        OpportunityType created = new OpportunityType(key, name, flow, position);
        audit.record(AuditArea.OPPORTUNITY_TYPE, key, AuditChange.CREATED, null, created);
        log.info("Opportunity type {} created, starting {}", key, flow == null ? "the default flow" : flow);
        return created;
    }

    /**
     * Renames a type, chooses its flow (new opportunities only; running ones stay on theirs) and its place in the
     * list. Leaves an audit row.
     *
     * @throws OpportunityTypeNotFoundException for an unknown key
     * @throws InvalidOpportunityTypeException  naming the field at fault
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public OpportunityType update(String typeKey, OpportunityTypeChange change) {
        OpportunityType before = find(typeKey == null ? "" : typeKey.strip())
                .orElseThrow(() -> new OpportunityTypeNotFoundException(typeKey));
        String name = validName(change.name());
        String flow = validFlow(change.flowKey());
        int position = change.position() == null ? before.position() : validPosition(change.position());
        jdbc.sql("update opportunity_type set name = ?, flow_key = ?, position = ? where key = ?")
                .params(name, flow, position, before.key()).update();
        OpportunityType after = new OpportunityType(before.key(), name, flow, position);
        audit.record(AuditArea.OPPORTUNITY_TYPE, before.key(), AuditChange.UPDATED, before, after);
        log.info("Opportunity type {} updated: {} → {}", before.key(), before, after);
        return after;
    }

    private static String validName(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            throw new InvalidOpportunityTypeException("name", Reason.of("types.nameRequired"));
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidOpportunityTypeException("name", Reason.of("types.nameInvalid", "max", MAX_NAME));
        }
        return name;
    }

    private String validFlow(String value) {
        if (blank(value)) {
            return null;
        }
        String flow = value.strip();
        if (flow.length() > 255 || !catalogue.exists(flow)) {
            throw new InvalidOpportunityTypeException("flowKey", Reason.of("types.unknownFlow", "value", shown(value)));
        }
        return flow;
    }

    private static int validPosition(int position) {
        if (position < 0 || position > MAX_POSITION) {
            throw new InvalidOpportunityTypeException("position",
                    Reason.of("types.positionOutOfRange", "value", position, "max", MAX_POSITION));
        }
        return position;
    }

    /** A value as an error message shows it: at most 40 characters, no control characters. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
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
