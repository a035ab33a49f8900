package cn.finance.disclosure.support.web;

import tools.jackson.databind.DatabindException;

/** Jackson's reference path as a field name a person can find in their JSON: {@code expenditureLines[2].basic}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** The domain's own words where a value type refused the input, a generic one otherwise. */
    static String reason(DatabindException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                return iae.getMessage();
            }
        }
        return "类型或格式不正确";
    }
}
