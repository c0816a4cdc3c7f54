package org.gawah.desktop;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.gawah.Message;

/**
 * An image attachment shown in the reader, decoded in memory only: ImageIO's disk cache is off
 * for the whole window ({@code Desktop}), and the stream is read from the decrypted bytes, never
 * a file. The image is refused before decoding when its header declares more than
 * {@link #MAX_PIXELS} (a small file can declare a huge picture); the picture is drawn into a copy
 * no wider than the reader needs and the full decoded picture and the bytes are overwritten at
 * once. {@link #wipe} overwrites the copy (lock).
 */
final class ShownImage implements Wipeable {
    /** 50 million pixels: a 200 MB picture decoded, the largest a phone or camera makes with room to spare. */
    static final long MAX_PIXELS = 50_000_000L;

    private final BufferedImage shown;
    private final int width;
    private final int height;

    private ShownImage(BufferedImage shown, int width, int height) {
        this.shown = shown;
        this.width = width;
        this.height = height;
    }

    /** What could not be shown, in words; thrown by {@link #decode}. */
    static final class NotShown extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Message why;

        NotShown(Message why) {
            super(why.key());
            this.why = why;
        }

        Message why() {
            return why;
        }
    }

    /** Decodes {@code bytes} (wiped here, whatever happens), drawn at most {@code maxWidth} pixels wide. */
    static ShownImage decode(byte[] bytes, int maxWidth) throws NotShown {
        BufferedImage full = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new NotShown(Messages.of("reader.not-an-image"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new NotShown(Messages.of("reader.image-too-large", width, height, MAX_PIXELS / 1_000_000));
                }
                full = reader.read(0);
                return new ShownImage(scaled(full, maxWidth), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new NotShown(Messages.of("reader.not-an-image"));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (full != null) {
                overwrite(full);
            }
        }
    }

    private static BufferedImage scaled(BufferedImage full, int maxWidth) {
        double scale = Math.min(1.0, (double) maxWidth / full.getWidth());
        int w = Math.max(1, (int) Math.round(full.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(full.getHeight() * scale));
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    BufferedImage image() {
        return shown;
    }

    /** The picture's own size, as its file declares it. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void wipe() {
        overwrite(shown);
    }

    /** Overwrites a decoded picture's pixels where they are held (the raster's own arrays). */
    private static void overwrite(BufferedImage image) {
        DataBuffer data = image.getRaster().getDataBuffer();
        for (int bank = 0; bank < data.getNumBanks(); bank++) {
            if (data instanceof DataBufferByte) {
                Arrays.fill(((DataBufferByte) data).getData(bank), (byte) 0);
            } else if (data instanceof DataBufferInt) {
                Arrays.fill(((DataBufferInt) data).getData(bank), 0);
            } else if (data instanceof DataBufferUShort) {
                Arrays.fill(((DataBufferUShort) data).getData(bank), (short) 0);
            } else if (data instanceof DataBufferShort) {
                Arrays.fill(((DataBufferShort) data).getData(bank), (short) 0);
            }
        }
    }
}
