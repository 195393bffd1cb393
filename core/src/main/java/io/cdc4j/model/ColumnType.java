package io.cdc4j.model;

/** The SQL type family of a column, as the binlog and information_schema reveal it. */
public enum ColumnType {
    TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT,
    DECIMAL, FLOAT, DOUBLE, BIT,
    DATE, TIME, DATETIME, TIMESTAMP, YEAR,
    CHAR, VARCHAR, TEXT, BINARY, VARBINARY, BLOB,
    ENUM, SET, JSON, GEOMETRY, VECTOR;

    /** Whether values of this type are decoded to text with the column's charset. */
    public boolean isText() {
        return this == CHAR || this == VARCHAR || this == TEXT || this == JSON;
    }
}
