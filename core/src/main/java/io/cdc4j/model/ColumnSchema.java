package io.cdc4j.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a table version, as its DDL defines it.
 *
 * @param name the column's name, as written
 * @param typeText the type as written, lower case ({@code varchar(16)}, {@code decimal(10,2) unsigned})
 * @param nullable whether it accepts NULL
 * @param defaultText the default expression as written, when there is one ({@code NULL} included)
 * @param charset the column's own character set, when the DDL names one
 * @param collation the column's own collation, when the DDL names one
 * @param generated whether its value is computed ({@code AS (...) VIRTUAL|STORED})
 * @param autoIncrement whether it is AUTO_INCREMENT
 * @param json whether it holds JSON: type JSON, or MariaDB's LONGTEXT with {@code CHECK (json_valid(column))},
 *             which is what MariaDB makes of JSON
 */
public record ColumnSchema(String name, String typeText, boolean nullable, Optional<String> defaultText,
                           Optional<String> charset, Optional<String> collation, boolean generated,
                           boolean autoIncrement, boolean json) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeText, "typeText");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
    }

    /** The same column, now NOT NULL (a primary key's columns are). */
    public ColumnSchema notNull() {
        return new ColumnSchema(name, typeText, false, defaultText, charset, collation, generated, autoIncrement,
                json);
    }
}
