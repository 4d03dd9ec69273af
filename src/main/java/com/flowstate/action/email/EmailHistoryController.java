package com.flowstate.action.email;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;
import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Action history")
class EmailHistoryController {

    private final EmailHistoryQuery emails;

    EmailHistoryController(EmailHistoryQuery emails) {
        this.emails = emails;
    }

    @GetMapping("/api/history/emails")
    @Operation(summary = "E-mail tab: filter by any column, sort by createdAt|opportunity|template|recipient|"
            + "smtpCredential|status, page with the returned cursor")
    Page<EmailHistoryRow> emails(@ParameterObject EmailHistoryFilter filter, @ParameterObject PageParameters page) {
        return emails.page(CurrentUser.scope(), filter, page);
    }
}
