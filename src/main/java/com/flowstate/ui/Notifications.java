package com.flowstate.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages after an action: the same look and place across the views. */
public final class Notifications {

    private static final int SUCCESS_DURATION_MS = 3000;
    private static final int ERROR_DURATION_MS = 8000;

    private Notifications() {
    }

    public static Notification success(String message) {
        return show(message, SUCCESS_DURATION_MS, NotificationVariant.LUMO_SUCCESS);
    }

    /** Errors stay longer: the user has to read why something did not happen. */
    public static Notification error(String message) {
        return show(message, ERROR_DURATION_MS, NotificationVariant.LUMO_ERROR);
    }

    private static Notification show(String message, int duration, NotificationVariant variant) {
        Notification notification = Notification.show(message, duration, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
        return notification;
    }
}
