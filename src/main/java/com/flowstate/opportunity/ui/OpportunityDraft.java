package com.flowstate.opportunity.ui;

import com.flowstate.opportunity.CustomerLanguages;
import com.flowstate.opportunity.NewOpportunity;
import com.flowstate.opportunity.OpportunityType;
import com.flowstate.partner.Company;
import com.flowstate.security.UserService.UserSummary;

/** The new-opportunity form's mutable bean: the Binder writes into it, the service gets a {@link NewOpportunity}. */
class OpportunityDraft {

    private String name = "";
    private String customerName = "";
    private String customerEmail = "";
    private String customerPhone = "";
    private String street = "";
    private String city = "";
    private String postalCode = "";
    private String province = "";
    private Company installer;
    private Company seller;
    private UserSummary owner;
    private OpportunityType type;
    private String flowKey;
    private String customerLanguage = CustomerLanguages.DEFAULT;

    NewOpportunity toNewOpportunity() {
        return new NewOpportunity(blankToNull(name), customerName.strip(), blankToNull(customerEmail),
                blankToNull(customerPhone), blankToNull(street), blankToNull(city), postalCode.strip(),
                province.strip().toUpperCase(), installer == null ? null : installer.id(),
                seller == null ? null : seller.id(), owner == null ? null : owner.username(),
                type == null ? null : type.key(), blankToNull(flowKey), customerLanguage);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getCustomerPhone() {
        return customerPhone;
    }

    public void setCustomerPhone(String customerPhone) {
        this.customerPhone = customerPhone;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public Company getInstaller() {
        return installer;
    }

    public void setInstaller(Company installer) {
        this.installer = installer;
    }

    public Company getSeller() {
        return seller;
    }

    public void setSeller(Company seller) {
        this.seller = seller;
    }

    public UserSummary getOwner() {
        return owner;
    }

    public void setOwner(UserSummary owner) {
        this.owner = owner;
    }

    public OpportunityType getType() {
        return type;
    }

    public void setType(OpportunityType type) {
        this.type = type;
    }

    public String getCustomerLanguage() {
        return customerLanguage;
    }

    public void setCustomerLanguage(String customerLanguage) {
        this.customerLanguage = customerLanguage;
    }

    public String getFlowKey() {
        return flowKey;
    }

    public void setFlowKey(String flowKey) {
        this.flowKey = flowKey;
    }
}
