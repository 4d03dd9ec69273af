package com.flowstate.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.flowstate.security.SystemAuthentication;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/** An address is refused only when it cannot be Italian: an unknown province, a postal code of another province. */
@IntegrationTest
class ProvincesIT {

    @Autowired Provinces provinces;
    @Autowired PartnerZoneService zones;
    @Autowired TestData data;

    @Test
    void aPostalCodeOfAnotherProvinceIsRefusedNamingIt() {
        assertThatThrownBy(() -> provinces.requireAddress("RM", "20121"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("postalCode: 20121 is not a postal code of province RM");
        assertThatThrownBy(() -> provinces.requireAddress("MB", "95131"))
                .hasMessage("postalCode: 95131 is not a postal code of province MB");
    }

    @Test
    void anUnknownProvinceIsRefusedNamingIt() {
        assertThatThrownBy(() -> provinces.requireAddress("XX", "20121"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("province: 'XX' is not an Italian province");
        assertThat(provinces.exists("QA")).isFalse();
    }

    @Test
    void theProvincesOfTodayAndThoseStillFoundInDataAreKnownInAnyCase() {
        assertThat(provinces.hasPostalCode("mi", "20121")).isTrue();
        assertThat(provinces.hasPostalCode(" RM ", "00118")).isTrue();
        assertThat(provinces.hasPostalCode("SU", "09013")).isTrue(); // Carbonia, Sud Sardegna since 2016
        assertThat(provinces.hasPostalCode("CI", "09013")).isTrue(); // its code before
        assertThat(provinces.hasPostalCode("OT", "07026")).isTrue(); // Olbia
        assertThat(provinces.hasPostalCode("MB", "20900")).isTrue();
        assertThat(provinces.hasPostalCode("BT", "76121")).isTrue();
    }

    @Test
    void townsThatChangedProvinceKeepThePostalCodesTheyHad() {
        assertThat(provinces.hasPostalCode("UD", "32047")).as("Sappada, Belluno until 2017").isTrue();
        assertThat(provinces.hasPostalCode("UD", "33012")).as("Sappada today").isTrue();
        assertThat(provinces.hasPostalCode("RN", "61014")).as("Montecopiolo, Pesaro e Urbino until 2021").isTrue();
        assertThat(provinces.hasPostalCode("BG", "23806")).as("Torre de' Busi, Lecco until 2018").isTrue();
        assertThat(provinces.hasPostalCode("CN", "18025")).as("Briga Alta").isTrue();
        assertThat(provinces.hasPostalCode("BT", "70051")).as("Barletta, Bari until 2009").isTrue();
    }

    @Test
    void aPartnerCannotCoverAProvinceThatDoesNotExist() {
        Company installer = data.partner(CompanyKind.INSTALLER);

        assertThatThrownBy(() -> SystemAuthentication.runAs(data.admin(), () -> zones.addProvince(installer.id(), "XX")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("province: 'XX' is not an Italian province");
        assertThat(SystemAuthentication.runAs(data.admin(), () -> zones.addProvince(installer.id(), "su")).province())
                .isEqualTo("SU");
    }
}
