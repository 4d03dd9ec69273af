package com.flowstate.opportunity.ui;

import java.util.List;

import com.flowstate.opportunity.CustomerLanguages;
import com.flowstate.opportunity.NewOpportunity;
import com.flowstate.opportunity.OpportunityType;
import com.flowstate.partner.Company;
import com.flowstate.partner.Provinces;
import com.flowstate.security.UserService.UserSummary;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;

/**
 * The new-opportunity form. It validates what it can on its own and fires a {@link SaveEvent} with a
 * {@link NewOpportunity}; the view calls the service, which validates again and may still refuse.
 */
class OpportunityForm extends FormLayout {

    private final TextField name = new TextField();
    private final TextField customerName = new TextField();
    private final EmailField customerEmail = new EmailField();
    private final TextField customerPhone = new TextField();
    private final Select<String> customerLanguage = new Select<>();
    private final TextField street = new TextField();
    private final TextField city = new TextField();
    private final TextField postalCode = new TextField();
    private final TextField province = new TextField();
    private final ComboBox<Company> installer = new ComboBox<>();
    private final ComboBox<Company> seller = new ComboBox<>();
    private final ComboBox<UserSummary> owner = new ComboBox<>();
    private final ComboBox<OpportunityType> type = new ComboBox<>();
    private final ComboBox<String> flow = new ComboBox<>();
    private final Binder<OpportunityDraft> binder = new Binder<>(OpportunityDraft.class);
    private final Provinces provinces;

    OpportunityForm(List<OpportunityType> types, List<String> flows, List<Company> installers,
                    List<Company> sellers, List<UserSummary> owners, Provinces provinces) {
        this.provinces = provinces;
        setId("opportunity-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
        configureFields(installers, sellers, owners);
        configureType(types, flows);
        configureBinder();
        add(name, 2);
        add(type, flow);
        add(customerName, customerEmail, phoneAndLanguage(), street, city, postalCode, province, installer, seller, owner);
        add(createButtons(), 2);
        binder.readBean(new OpportunityDraft());
    }

    private void configureFields(List<Company> installers, List<Company> sellers, List<UserSummary> owners) {
        label(name, "opportunity-name", "opportunity.field.name");
        name.setHelperText(getTranslation("opportunity.field.name.helper"));
        label(customerName, "customer-name", "opportunity.field.customerName");
        label(customerEmail, "customer-email", "opportunity.field.customerEmail");
        label(customerPhone, "customer-phone", "opportunity.field.customerPhone");
        customerLanguage.setId("customer-language");
        customerLanguage.setLabel(getTranslation("opportunity.field.customerLanguage"));
        customerLanguage.setItems(CustomerLanguages.ALL);
        customerLanguage.setItemLabelGenerator(code -> getTranslation("language." + code));
        label(street, "street", "opportunity.field.street");
        label(city, "city", "opportunity.field.city");
        // The same limits as the API's (NewOpportunity): the browser stops at them.
        name.setMaxLength(200);
        customerName.setMaxLength(200);
        customerEmail.setMaxLength(254);
        customerPhone.setMaxLength(40);
        street.setMaxLength(200);
        city.setMaxLength(100);
        label(postalCode, "postal-code", "opportunity.field.postalCode");
        postalCode.setMaxLength(5);
        postalCode.setAllowedCharPattern("[0-9]");
        label(province, "province", "opportunity.field.province");
        province.setMaxLength(2);
        province.setAllowedCharPattern("[A-Za-z]");
        configureCompany(installer, "installer", "opportunity.field.installer", installers);
        configureCompany(seller, "seller", "opportunity.field.seller", sellers);
        owner.setId("owner");
        owner.setLabel(getTranslation("opportunity.field.owner"));
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        configureErrorMessages();
    }

    /**
     * The browser checks some constraints itself (an e-mail's form, a length) before the binder does; without these
     * texts it marks the field red and says nothing.
     */
    private void configureErrorMessages() {
        String required = getTranslation("opportunity.validation.required");
        for (TextField field : List.of(name, customerName, customerPhone, street, city, postalCode, province)) {
            field.setI18n(new TextField.TextFieldI18n()
                    .setRequiredErrorMessage(required)
                    .setMaxLengthErrorMessage(getTranslation("opportunity.validation.tooLong", field.getMaxLength()))
                    .setPatternErrorMessage(field == province ? getTranslation("opportunity.validation.province")
                            : field == postalCode ? getTranslation("opportunity.validation.postalCode") : null));
        }
        String email = getTranslation("opportunity.validation.email");
        customerEmail.setI18n(new EmailField.EmailFieldI18n()
                .setRequiredErrorMessage(required)
                .setPatternErrorMessage(email)
                .setMaxLengthErrorMessage(getTranslation("opportunity.validation.tooLong", customerEmail.getMaxLength())));
    }

    /** Phone and language share a cell: the language is short, and the form keeps its height. */
    private HorizontalLayout phoneAndLanguage() {
        HorizontalLayout cell = new HorizontalLayout(customerPhone, customerLanguage);
        cell.setPadding(false);
        cell.setFlexGrow(1, customerPhone);
        customerPhone.setMinWidth("0");
        customerLanguage.setWidth("9rem");
        return cell;
    }

    private void label(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }

    private void label(EmailField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }

    /** The type decides the flow the opportunity starts on; empty: the default flow. */
    private void configureType(List<OpportunityType> types, List<String> flows) {
        type.setId("opportunity-type");
        type.setLabel(getTranslation("opportunity.field.type"));
        type.setItems(types);
        type.setItemLabelGenerator(item -> OpportunityTypes.label(item, this::getTranslation));
        type.setClearButtonVisible(true);
        type.setHelperText(getTranslation("opportunity.field.type.helper"));
        flow.setId("opportunity-flow");
        flow.setLabel(getTranslation("opportunity.field.flow"));
        flow.setItems(flows);
        flow.setClearButtonVisible(true);
        flow.setHelperText(getTranslation("opportunity.field.flow.helper"));
    }

    private void configureCompany(ComboBox<Company> field, String id, String labelKey, List<Company> companies) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setItems(companies);
        field.setItemLabelGenerator(Company::name);
        field.setClearButtonVisible(true);
    }

    /** The same rules as {@link NewOpportunity}'s constraints, so most mistakes show next to their field. */
    private void configureBinder() {
        binder.forField(name).bind(OpportunityDraft::getName, OpportunityDraft::setName);
        binder.forField(customerName)
                .asRequired(getTranslation("opportunity.validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("opportunity.validation.tooLong", 200), 0, 200))
                .bind(OpportunityDraft::getCustomerName, OpportunityDraft::setCustomerName);
        binder.forField(customerEmail)
                .withValidator(new EmailValidator(getTranslation("opportunity.validation.email"), true))
                .bind(OpportunityDraft::getCustomerEmail, OpportunityDraft::setCustomerEmail);
        binder.forField(customerPhone).bind(OpportunityDraft::getCustomerPhone, OpportunityDraft::setCustomerPhone);
        binder.forField(customerLanguage).bind(OpportunityDraft::getCustomerLanguage,
                OpportunityDraft::setCustomerLanguage);
        binder.forField(street).bind(OpportunityDraft::getStreet, OpportunityDraft::setStreet);
        binder.forField(city).bind(OpportunityDraft::getCity, OpportunityDraft::setCity);
        // A postal code of another province is refused beside the postal code, and checked again when the province
        // changes; an unknown province is the province's own mistake.
        var postalCodeBinding = binder.forField(postalCode)
                .asRequired(getTranslation("opportunity.validation.required"))
                .withValidator(new RegexpValidator(getTranslation("opportunity.validation.postalCode"), "\\d{5}"))
                .withValidator((code, context) -> !provinces.exists(province.getValue())
                        || provinces.hasPostalCode(province.getValue(), code) ? ValidationResult.ok()
                        : ValidationResult.error(getTranslation("opportunity.validation.postalCodeOfProvince", code,
                                Provinces.normalised(province.getValue()))))
                .bind(OpportunityDraft::getPostalCode, OpportunityDraft::setPostalCode);
        binder.forField(province)
                .asRequired(getTranslation("opportunity.validation.required"))
                .withValidator(new RegexpValidator(getTranslation("opportunity.validation.province"), "[A-Za-z]{2}"))
                .withValidator(provinces::exists, getTranslation("opportunity.validation.provinceUnknown"))
                .bind(OpportunityDraft::getProvince, OpportunityDraft::setProvince);
        province.addValueChangeListener(change -> {
            if (!postalCode.isEmpty()) {
                postalCodeBinding.validate();
            }
        });
        binder.forField(installer).bind(OpportunityDraft::getInstaller, OpportunityDraft::setInstaller);
        binder.forField(seller).bind(OpportunityDraft::getSeller, OpportunityDraft::setSeller);
        binder.forField(owner).bind(OpportunityDraft::getOwner, OpportunityDraft::setOwner);
        binder.forField(type).bind(OpportunityDraft::getType, OpportunityDraft::setType);
        binder.forField(flow).bind(OpportunityDraft::getFlowKey, OpportunityDraft::setFlowKey);
    }

    private HorizontalLayout createButtons() {
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("save-opportunity");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("cancel-opportunity");
        return new HorizontalLayout(save, cancel);
    }

    private void save() {
        OpportunityDraft draft = new OpportunityDraft();
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(new SaveEvent(this, draft.toNewOpportunity()));
        } else {
            binder.validate();
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The user wants this opportunity opened. */
    static final class SaveEvent extends ComponentEvent<OpportunityForm> {

        private final NewOpportunity opportunity;

        SaveEvent(OpportunityForm source, NewOpportunity opportunity) {
            super(source, false);
            this.opportunity = opportunity;
        }

        NewOpportunity opportunity() {
            return opportunity;
        }
    }

    static final class CancelEvent extends ComponentEvent<OpportunityForm> {

        CancelEvent(OpportunityForm source) {
            super(source, false);
        }
    }
}
