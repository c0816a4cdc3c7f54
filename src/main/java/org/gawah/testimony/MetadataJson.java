package org.gawah.testimony;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.media.MediaMetadata;

/**
 * An attachment's {@code metadata} member, in the order docs/format/testimony.md
 * ("attachments[].metadata") gives; part of the signed bytes, so written only here.
 */
final class MetadataJson {
    private MetadataJson() {
    }

    static ObjectNode of(MediaMetadata m) {
        ObjectNode node = Sections.object();
        node.put("read_by", m.readBy());
        node.put("status", m.status().wire());
        Sections.putIfGiven(node, "format", m.format());
        Sections.putIfGiven(node, "captured_at", m.capturedAt());
        if (m.gps() != null) {
            ObjectNode gps = node.putObject("gps");
            if (m.gps().latitude() != null) {
                gps.put("latitude", m.gps().latitude());
                gps.put("longitude", m.gps().longitude());
            } else {
                gps.put("as_written", m.gps().asWritten());
            }
        }
        Sections.putIfGiven(node, "make", m.make());
        Sections.putIfGiven(node, "model", m.model());
        if (!m.serialNumbers().isEmpty()) {
            ArrayNode serials = node.putArray("serial_numbers");
            m.serialNumbers().forEach(serials::add);
        }
        Sections.putIfGiven(node, "owner", m.owner());
        if (m.durationSeconds() != null) {
            node.put("duration_seconds", m.durationSeconds());
        }
        return node;
    }
}
