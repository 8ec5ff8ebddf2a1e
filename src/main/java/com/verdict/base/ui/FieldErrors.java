package com.verdict.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.verdict.base.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Shows a service's problems ({@code "title: must be 1 to 200 characters"}, as the REST API reports them) under the
 * form's fields they name, where the user looks, instead of in a toast that names fields by their keys and fades.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** The field that shows the problems of {@code key}. */
    public FieldErrors on(String key, HasValidation field) {
        fields.put(key, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /**
     * Why a change failed: each problem under its field; a conflict, such as a name taken, under conflictField's, or in
     * a message where the form has no such field.
     */
    public void show(ApiException failure, String conflictField) {
        if (failure.status() != HttpStatus.CONFLICT) {
            show(failure.getMessage(), failure.details());
        } else {
            show(failure.getMessage(), fields.containsKey(conflictField)
                    ? List.of(conflictField + ": " + failure.getMessage()) : List.of());
        }
    }

    /** Each problem under the field it names; the summary, with the problems no field here takes, in a message. */
    public void show(String summary, List<String> problems) {
        List<String> rest = mark(problems);
        if (!rest.isEmpty() || problems.isEmpty()) {
            Notification.show(summary + (rest.isEmpty() ? "" : ": " + String.join("; ", rest)), 8000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Each problem under the field it names; returns the problems no field here takes, for the caller to show. */
    public List<String> mark(List<String> problems) {
        clear();
        Map<HasValidation, List<String>> byField = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String problem : problems) {
            int colon = problem.indexOf(": ");
            HasValidation field = colon < 0 ? null : fields.get(problem.substring(0, colon));
            if (field == null) {
                rest.add(problem);
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(problem.substring(colon + 2));
            }
        }
        byField.forEach((field, messages) -> {
            String message = String.join("; ", messages);
            field.setErrorMessage(Character.toUpperCase(message.charAt(0)) + message.substring(1));
            field.setInvalid(true);
        });
        return rest;
    }
}
