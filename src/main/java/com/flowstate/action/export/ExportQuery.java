package com.flowstate.action.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import com.flowstate.security.PartnerScope;

/**
 * The SQL of one export: the template's columns, its filter and the partner scope, all as bound parameters. The
 * scope is the one every history tab applies: a partner company sees the opportunities it is installer or seller of.
 *
 * @param columns what each selected value is, in select-list order
 */
record ExportQuery(String sql, List<Object> params, List<ExportColumn> columns) {

    static ExportQuery of(ExportTemplate template, PartnerScope scope) {
        ExportDataset dataset = ExportDataset.of(template.exportType());
        List<ExportColumn> columns = dataset.select(template.columns());
        StringBuilder sql = new StringBuilder("select ")
                .append(columns.stream().map(ExportColumn::expression).collect(Collectors.joining(", ")))
                .append(" from ").append(dataset.from()).append(" where true");
        List<Object> params = new ArrayList<>();
        if (scope.isRestricted()) {
            sql.append(" and (o.installer_id = ? or o.seller_id = ?)");
            params.add(scope.companyId().getAsLong());
            params.add(scope.companyId().getAsLong());
        }
        appendFilter(template.filter(), dataset, sql, params);
        sql.append(" order by ").append(dataset.idColumn());
        if (template.maxRows() != null) {
            sql.append(" limit ?");
            params.add(template.maxRows());
        }
        return new ExportQuery(sql.toString(), List.copyOf(params), columns);
    }

    List<String> headers() {
        return columns.stream().map(ExportColumn::header).toList();
    }

    private static void appendFilter(ExportFilter filter, ExportDataset dataset, StringBuilder sql,
                                     List<Object> params) {
        if (!filter.provinces().isEmpty()) {
            sql.append(" and o.province in (")
                    .append(String.join(", ", Collections.nCopies(filter.provinces().size(), "?"))).append(')');
            params.addAll(filter.provinces());
        }
        if (filter.createdWithinDays() != null) {
            sql.append(" and ").append(dataset.createdColumn()).append(" >= now() - make_interval(days => ?)");
            params.add(filter.createdWithinDays());
        }
        if (ExportFilter.isSet(filter.openSubstate())) {
            sql.append(" and exists (select 1 from opportunity_substate os where os.opportunity_id = o.id"
                    + " and os.closed_at is null and os.substate_key = ?)");
            params.add(filter.openSubstate().strip());
        }
        if (ExportFilter.isSet(filter.activityType())) {
            sql.append(" and a.type = ?");
            params.add(filter.activityType().strip().toUpperCase());
        }
        if (filter.completed() != null) {
            sql.append(filter.completed() ? " and a.completed_at is not null" : " and a.completed_at is null");
        }
        if (filter.status() != null) {
            sql.append(" and h.status = ?");
            params.add(filter.status() ? "SUCCEEDED" : "FAILED");
        }
        if (ExportFilter.isSet(filter.template())) {
            sql.append(" and h.template_name ilike ?");
            params.add("%" + filter.template().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
    }
}
