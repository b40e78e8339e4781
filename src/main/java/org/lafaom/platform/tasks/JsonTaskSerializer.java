package org.lafaom.platform.tasks;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.ObjectMapper;

/** Task data is stored as JSON (readable in the table, stable across class changes), not Java serialization. */
final class JsonTaskSerializer implements Serializer {

    private final ObjectMapper mapper;

    JsonTaskSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : mapper.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return bytes == null ? null : mapper.readValue(bytes, type);
    }
}
