package com.flowstate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.flowstate.partner.Provinces;
import com.flowstate.support.IntegrationTest;

/** The demo's customers live at addresses a new opportunity accepts, and its partners cover real provinces. */
@IntegrationTest
class DemoAddressesIT {

    @Autowired Provinces provinces;

    @Test
    void everyDemoCustomerLivesAtAValidAddress() {
        for (DemoCustomers.Customer customer : DemoCustomers.take(30)) {
            assertThat(provinces.hasPostalCode(customer.province(), customer.postalCode()))
                    .as(customer.city() + " " + customer.postalCode() + " " + customer.province()).isTrue();
        }
        DemoCustomers.NORTH.forEach(province -> assertThat(provinces.exists(province)).as(province).isTrue());
        DemoCustomers.SOUTH.forEach(province -> assertThat(provinces.exists(province)).as(province).isTrue());
    }
}
