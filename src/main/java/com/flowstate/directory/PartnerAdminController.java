package com.flowstate.directory;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Partner companies and their zones, for admins (issue 11). */
@RestController
@RequestMapping("/api/admin/partners")
@Tag(name = "Admin: partners", description = "Partner companies (installers, sellers), the zones each serves, "
        + "deactivation")
class PartnerAdminController extends DirectoryProblems {

    private final PartnerAdminService partners;

    PartnerAdminController(PartnerAdminService partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(summary = "Partner companies whose name contains 'search', by name (deactivated ones too)")
    List<PartnerDetails> list(@RequestParam(defaultValue = "") String search,
                              @RequestParam(defaultValue = "0") int offset,
                              @RequestParam(defaultValue = "100") int limit) {
        return partners.list(search, offset, limit);
    }

    @GetMapping("/{id}")
    PartnerDetails get(@PathVariable long id) {
        return partners.get(id);
    }

    @PostMapping
    @Operation(summary = "Create an active partner company with its zones")
    ResponseEntity<PartnerDetails> create(@RequestBody PartnerRequest request) {
        PartnerDetails created = partners.create(request);
        return ResponseEntity.created(URI.create("/api/admin/partners/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change name, kind, e-mail and zones (the zones given replace its zones)")
    PartnerDetails update(@PathVariable long id, @RequestBody PartnerRequest request) {
        return partners.update(id, request);
    }

    @GetMapping("/{id}/zones")
    Zones zones(@PathVariable long id) {
        PartnerDetails partner = partners.get(id);
        return new Zones(partner.provinces(), partner.postalCodePrefixes());
    }

    @PutMapping("/{id}/zones")
    @Operation(summary = "Replace the zones the company serves")
    Zones replaceZones(@PathVariable long id, @RequestBody Zones zones) {
        PartnerDetails partner = partners.replaceZones(id, zones.provinces(), zones.postalCodePrefixes());
        return new Zones(partner.provinces(), partner.postalCodePrefixes());
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate: its history stays, it gets no new assignments, its users cannot sign in")
    PartnerDetails deactivate(@PathVariable long id) {
        return partners.setActive(id, false);
    }

    @PostMapping("/{id}/reactivate")
    PartnerDetails reactivate(@PathVariable long id) {
        return partners.setActive(id, true);
    }

    /** The zones of a partner company: provinces (two letters) and postal-code prefixes (1 to 5 digits). */
    record Zones(List<String> provinces, List<String> postalCodePrefixes) {

        Zones {
            provinces = provinces == null ? List.of() : List.copyOf(provinces);
            postalCodePrefixes = postalCodePrefixes == null ? List.of() : List.copyOf(postalCodePrefixes);
        }
    }
}
