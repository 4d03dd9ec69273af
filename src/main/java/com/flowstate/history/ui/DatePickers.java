package com.flowstate.history.ui;

import java.text.DateFormatSymbols;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.i18n.I18NProvider;

/** Date pickers that speak the user's language: month and day names from the JDK, buttons from the bundles. */
final class DatePickers {

    private DatePickers() {
    }

    static DatePicker.DatePickerI18n i18n(Locale locale) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(capitalized(Arrays.asList(symbols.getMonths()).subList(0, 12), locale))
                // DateFormatSymbols index weekdays from 1 (Sunday); the date picker wants Sunday first too.
                .setWeekdays(capitalized(Arrays.asList(symbols.getWeekdays()).subList(1, 8), locale))
                .setWeekdaysShort(capitalized(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8), locale))
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(I18NProvider.translate(locale, "datePicker.today"))
                .setCancel(I18NProvider.translate(locale, "datePicker.cancel"));
    }

    private static List<String> capitalized(List<String> names, Locale locale) {
        return names.stream()
                .map(name -> name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1))
                .toList();
    }
}
