package com.flowstate.action.email;

import java.util.List;

import org.springframework.stereotype.Component;

import com.flowstate.flow.DeployedFlowActions;
import com.flowstate.mail.SmtpAccountUse;
import com.flowstate.mail.SmtpAccountUsage;

/**
 * The deployed flows whose actions send through an SMTP account: the e-mail action and the report action both name
 * their account in the input parameter {@value #PARAMETER}, written literally by the designer (an expression is
 * resolved only when the action runs, so it names no account before).
 */
@Component
class FlowsUsingSmtpAccount implements SmtpAccountUsage {

    static final String PARAMETER = "smtpCredential";

    private final DeployedFlowActions flows;

    FlowsUsingSmtpAccount(DeployedFlowActions flows) {
        this.flows = flows;
    }

    @Override
    public List<SmtpAccountUse> usesOf(String accountName) {
        return flows.ofLatestVersions().stream()
                .filter(deployed -> {
                    String named = deployed.action().parameter(PARAMETER);
                    return named != null && named.strip().equals(accountName);
                })
                .map(deployed -> new SmtpAccountUse(SmtpAccountUse.Kind.FLOW, deployed.flowLabel()))
                .distinct().toList();
    }
}
