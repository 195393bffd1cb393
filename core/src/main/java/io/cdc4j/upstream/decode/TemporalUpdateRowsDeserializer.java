package io.cdc4j.upstream.decode;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/** The library's update-rows reader with DATE, TIME, DATETIME and YEAR read by {@link TemporalCells}. */
public final class TemporalUpdateRowsDeserializer extends UpdateRowsEventDataDeserializer {
    /** A reader sharing the event deserializer's TABLE_MAP cache. */
    public TemporalUpdateRowsDeserializer(Map<Long, TableMapEventData> tableMaps) {
        super(tableMaps);
    }

    @Override
    protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
        return TemporalCells.readDate(in);
    }

    @Override
    protected Serializable deserializeYear(ByteArrayInputStream in) throws IOException {
        return TemporalCells.readYear(in);
    }

    @Override
    protected Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
        return TemporalCells.readTimeV1(in);
    }

    @Override
    protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
        return TemporalCells.readTimeV2(meta, in);
    }

    @Override
    protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
        return TemporalCells.readDatetimeV1(in);
    }

    @Override
    protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
        return TemporalCells.readDatetimeV2(meta, in);
    }
}
