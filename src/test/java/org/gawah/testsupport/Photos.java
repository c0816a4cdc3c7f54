package org.gawah.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;

import javax.imageio.ImageIO;

/** Test photos: real JPEGs (ImageIO), with or without an EXIF block holding GPS coordinates. */
public final class Photos {
    private Photos() {
    }

    /** A small JPEG of noise, different for each seed, with no metadata but JFIF's. */
    public static byte[] jpeg(long seed) {
        ImageIO.setUseCache(false);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The JPEG with an EXIF APP1 segment after its start marker holding GPSLatitudeRef, GPSLatitude,
     * GPSLongitudeRef and GPSLongitude (big-endian TIFF, as a phone camera writes them).
     */
    public static byte[] withGps(byte[] jpeg, int latitudeDegrees, int longitudeDegrees) {
        ByteBuffer tiff = ByteBuffer.allocate(128);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
        tiff.putInt(0);
        for (int degrees : new int[] {latitudeDegrees, longitudeDegrees}) {
            tiff.putInt(degrees).putInt(1).putInt(12).putInt(1).putInt(3000).putInt(100);
        }
        byte[] exif = new byte[6 + 128];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, 128);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
