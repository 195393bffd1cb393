package io.cdc4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The v2 list envelope {@code {"total": n, "items": [...]}}; an empty list is {@code []}, never null. */
public record ListResponse<T>(@JsonProperty("total") int total, @JsonProperty("items") List<T> items) {
    public ListResponse {
        items = List.copyOf(items);
    }

    public static <T> ListResponse<T> of(List<T> items) {
        return new ListResponse<>(items.size(), items);
    }
}
