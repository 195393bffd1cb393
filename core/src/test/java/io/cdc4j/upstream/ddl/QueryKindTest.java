package io.cdc4j.upstream.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link DdlClassifier#kindOf} makes of the statements a binlog's QUERY events carry. */
class QueryKindTest {
    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT)", "CREATE OR REPLACE TABLE d.t (id INT)",
            "CREATE TABLE IF NOT EXISTS t LIKE s", "ALTER ONLINE IGNORE TABLE t ADD c INT", "DROP TABLE IF EXISTS a, b",
            "DROP TABLES a", "RENAME TABLE a TO b", "RENAME TABLES a TO b, c TO d", "TRUNCATE t", "TRUNCATE TABLE d.t",
            "CREATE DATABASE d", "CREATE SCHEMA IF NOT EXISTS d", "ALTER DATABASE d CHARACTER SET utf8mb4",
            "DROP SCHEMA d", "CREATE UNIQUE INDEX i ON t (c)", "CREATE FULLTEXT INDEX i ON t (c)",
            "CREATE SPATIAL INDEX i ON t (g)", "DROP INDEX i ON t", "CREATE VIEW v AS SELECT 1",
            "CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v AS SELECT * FROM t",
            "ALTER DEFINER=CURRENT_USER() VIEW v AS SELECT 2", "DROP VIEW IF EXISTS v",
            "/*!40000 ALTER TABLE `t` DISABLE KEYS */", "CREATE TABLE `t` (`id` int NOT NULL) START TRANSACTION"})
    void tableSchemaIndexAndViewDdlIsReplicated(String sql) {
        assertThat(DdlClassifier.kindOf(sql)).isEqualTo(QueryKind.DDL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW INSERT INTO log VALUES (1)",
            "CREATE DEFINER=`` TRIGGER d.tr AFTER INSERT ON d.t FOR EACH ROW SET @x = 1",
            "CREATE DEFINER=`table`@`localhost` TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1",
            "CREATE OR REPLACE DEFINER=root@localhost TRIGGER IF NOT EXISTS tr AFTER DELETE ON t FOR EACH ROW DO 1",
            "DROP TRIGGER IF EXISTS d.tr", "CREATE DEFINER='u'@'%' PROCEDURE p() INSERT INTO t VALUES (1)",
            "CREATE PROCEDURE IF NOT EXISTS p() BEGIN DELETE FROM t; END", "ALTER PROCEDURE p COMMENT 'x'",
            "DROP PROCEDURE p", "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1",
            "CREATE AGGREGATE FUNCTION f(x INT) RETURNS INT BEGIN RETURN 1; END", "DROP FUNCTION IF EXISTS f",
            "CREATE DEFINER=CURRENT_USER EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t",
            "ALTER EVENT e DISABLE", "DROP EVENT e", "CREATE SEQUENCE s", "ALTER SEQUENCE s RESTART 5",
            "DROP SEQUENCE IF EXISTS s", "CREATE PACKAGE pk AS FUNCTION f RETURN INT; END",
            "CREATE USER u", "DROP USER u", "ALTER USER u IDENTIFIED BY 'p'", "RENAME USER a TO b", "CREATE ROLE r",
            "CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (HOST 'h')", "CREATE TABLESPACE ts ADD DATAFILE 'f'",
            "CREATE UNDO TABLESPACE u ADD DATAFILE 'u.ibu'", "CREATE LOGFILE GROUP g ADD UNDOFILE 'u'",
            "CREATE RESOURCE GROUP g TYPE = USER", "ALTER INSTANCE ROTATE INNODB MASTER KEY",
            "CREATE SPATIAL REFERENCE SYSTEM 4120 NAME 'x'", "CREATE TEMPORARY TABLE t (id INT)",
            "DROP TEMPORARY TABLE IF EXISTS `t`", "GRANT SELECT ON *.* TO u", "FLUSH PRIVILEGES", "RELEASE SAVEPOINT s",
            "ANALYZE TABLE t", "OPTIMIZE TABLE t", "SET @a = 1",
            "# Dummy event replacing event type 160", "XA PREPARE 'x'", ""})
    void everythingElseIsIgnored(String sql) {
        assertThat(DdlClassifier.kindOf(sql)).isEqualTo(QueryKind.IGNORED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO t VALUES (1)", "insert ignore into t select * from s", "REPLACE INTO t VALUES (1)",
            "UPDATE t SET a = 1", "UPDATE a, b SET a.x = b.x WHERE a.id = b.id", "DELETE FROM t",
            "DELETE a, b FROM a JOIN b ON a.id = b.id", "LOAD DATA INFILE 'f' INTO TABLE t", "CALL p()", "DO f()",
            "SELECT `d`.`f`()", "WITH c AS (SELECT 1) DELETE FROM t", "CREATE TABLE t2 AS SELECT * FROM t",
            "CREATE TABLE t2 (id INT PRIMARY KEY) SELECT 1 AS id", "CREATE TABLE t2 REPLACE SELECT * FROM t"})
    void statementFormatDmlIsRecognised(String sql) {
        assertThat(DdlClassifier.kindOf(sql)).isEqualTo(QueryKind.STATEMENT_DML);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "START TRANSACTION", "COMMIT", "ROLLBACK", "XA START X'7831',X'',1",
            "XA BEGIN 'x'", "XA END X'7831',X'',1", "XA COMMIT X'7831',X'',1", "XA COMMIT 'x' ONE PHASE",
            "XA ROLLBACK X'7831',X'',1"})
    void transactionControlIsRecognised(String sql) {
        QueryKind expected = switch (sql.split(" ")[0] + (sql.startsWith("XA") ? " " + sql.split(" ")[1] : "")) {
            case "BEGIN", "START" -> QueryKind.BEGIN;
            case "COMMIT" -> QueryKind.COMMIT;
            case "ROLLBACK" -> QueryKind.ROLLBACK;
            case "XA START", "XA BEGIN" -> QueryKind.XA_START;
            case "XA END" -> QueryKind.XA_END;
            case "XA COMMIT" -> sql.endsWith("ONE PHASE") ? QueryKind.COMMIT : QueryKind.XA_COMMIT;
            default -> QueryKind.XA_ROLLBACK;
        };
        assertThat(DdlClassifier.kindOf(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAVEPOINT `S1`", "ROLLBACK TO SAVEPOINT s1", "ROLLBACK WORK TO `s1`", "rollback to S1"})
    void savepointsAreRecognisedWithTheirName(String sql) {
        assertThat(DdlClassifier.kindOf(sql)).isEqualTo(sql.startsWith("SAVEPOINT") ? QueryKind.SAVEPOINT
                : QueryKind.ROLLBACK_TO_SAVEPOINT);
        assertThat(DdlClassifier.savepointName(sql)).contains("s1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE `t` (\n  `id` int NOT NULL\n) START TRANSACTION",
            "CREATE TABLE `t` (`id` int NOT NULL) start   transaction ;"})
    void atomicCreateTableSelectTextLosesItsSuffix(String sql) {
        assertThat(DdlClassifier.withoutStartTransaction(sql)).hasValueSatisfying(text -> {
            assertThat(text).startsWith("CREATE TABLE `t` (").endsWith(")");
            assertThat(DdlClassifier.kindOf(text)).isEqualTo(QueryKind.DDL);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT)", "START TRANSACTION", "CREATE TABLE t (c VARCHAR(9) DEFAULT "
            + "'START TRANSACTION')"})
    void otherStatementsHaveNoStartTransactionSuffix(String sql) {
        assertThat(DdlClassifier.withoutStartTransaction(sql)).isEmpty();
    }
}
