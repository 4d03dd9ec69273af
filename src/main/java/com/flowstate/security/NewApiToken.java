package com.flowstate.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a user asks for when creating an API token.
 *
 * @param name          what the token is for ("Camunda Modeler", "ERP import"), shown in the list
 * @param expiresInDays after how many days it stops working; null: until revoked
 */
public record NewApiToken(@NotBlank @Size(max = NewApiToken.MAX_NAME) String name,
                          @Min(1) @Max(NewApiToken.MAX_DAYS) Integer expiresInDays) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DAYS = 3650;
}
