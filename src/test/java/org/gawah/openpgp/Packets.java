package org.gawah.openpgp;

import java.util.ArrayList;
import java.util.List;

/**
 * The outer packets of a binary OpenPGP message, read by hand (not by Bouncy Castle, whose output
 * they check): tag, and the first octets of each body. A partial-length body shows its first part.
 */
final class Packets {
    /** One packet: its tag and the start of its body (up to 64 octets). */
    record Packet(int tag, byte[] head) {
        int octet(int i) {
            return head[i] & 0xFF;
        }
    }

    private Packets() {
    }

    /** The version octet of the one signature packet {@code signature} holds. */
    static int signatureVersion(byte[] signature) {
        Packet packet = outer(signature).get(0);
        if (packet.tag() != 2) {
            throw new AssertionError("not a signature packet: tag " + packet.tag());
        }
        return packet.octet(0);
    }

    static List<Packet> outer(byte[] message) {
        List<Packet> packets = new ArrayList<>();
        int at = 0;
        while (at < message.length) {
            int header = message[at++] & 0xFF;
            if ((header & 0x80) == 0) {
                throw new AssertionError("not a packet header at " + (at - 1) + ": " + header);
            }
            if ((header & 0x40) == 0) {
                // Legacy format: tag in bits 5-2, length type in bits 1-0 (0: 1 octet, 1: 2, 2: 4).
                int tag = (header >> 2) & 0x0F;
                int octets = 1 << (header & 0x03);
                long length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (message[at++] & 0xFF);
                }
                packets.add(new Packet(tag, java.util.Arrays.copyOfRange(message, at, (int) Math.min(message.length, at + Math.min(length, 64)))));
                at += length;
                continue;
            }
            int tag = header & 0x3F;
            int first = message[at++] & 0xFF;
            long length;
            boolean partial = false;
            if (first < 192) {
                length = first;
            } else if (first < 224) {
                length = ((first - 192) << 8) + (message[at++] & 0xFF) + 192;
            } else if (first == 255) {
                length = ((long) (message[at] & 0xFF) << 24) | ((message[at + 1] & 0xFF) << 16)
                        | ((message[at + 2] & 0xFF) << 8) | (message[at + 3] & 0xFF);
                at += 4;
            } else {
                length = 1L << (first & 0x1F);
                partial = true;
            }
            byte[] head = java.util.Arrays.copyOfRange(message, at, (int) Math.min(message.length, at + Math.min(length, 64)));
            packets.add(new Packet(tag, head));
            if (partial) {
                break; // the encrypted data runs to the end: the body's first octets are all that is checked
            }
            at += length;
        }
        return packets;
    }
}
