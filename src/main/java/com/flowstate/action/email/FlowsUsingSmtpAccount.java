package com.flowstate.action.email;

import java.util.List;

import org.springframework.stereotype.Component;

import com.flowstate.flow.FlowReferences;
import com.flowstate.mail.SmtpAccountUse;
import com.flowstate.mail.SmtpAccountUsage;

/**
 * The deployed flows whose actions send through an SMTP account: the e-mail action and the report action both name
 * their account in the input parameter {@value #PARAMETER}. {@code mail} cannot ask the engine itself (it sits below
 * {@code flow}), so this contributes the flows to its {@link SmtpAccountUsage}; each is shown with its key and version
 * ({@link com.flowstate.flow.FlowReference#label()}).
 */
@Component
class FlowsUsingSmtpAccount implements SmtpAccountUsage {

    static final String PARAMETER = "smtpCredential";

    private final FlowReferences flows;

    FlowsUsingSmtpAccount(FlowReferences flows) {
        this.flows = flows;
    }

    @Override
    public List<SmtpAccountUse> usesOf(String accountName) {
        return flows.flowsUsing(PARAMETER, accountName).stream()
                .map(flow -> new SmtpAccountUse(SmtpAccountUse.Kind.FLOW, flow.label()))
                .toList();
    }
}
