package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Small rules with big consequences: numbers typed on any keyboard, file names any system can hold. */
class AnswersAndNamesTest {

    @Test
    void numbersAreReadInLatinPersianAndArabicDigits() {
        assertEquals(2, Prompter.number("2"));
        assertEquals(2, Prompter.number("۲"));
        assertEquals(12, Prompter.number(" ١٢ "));
        assertEquals(-1, Prompter.number("two"));
        assertEquals(-1, Prompter.number(""));
        assertEquals(-1, Prompter.number("1234"));
    }

    @Test
    void attachmentNamesCannotEscapeOrNameAWindowsDevice() {
        String id = "GWA-0000-0000-0000-0001";
        assertEquals("photo.jpg", AttachmentOpening.safeName("photo.jpg", id));
        assertEquals("passwd", AttachmentOpening.safeName("../../etc/passwd", id));
        assertEquals("evil.txt", AttachmentOpening.safeName("C:\\Users\\x\\evil.txt", id));
        assertEquals("a_b_c_d_e_f_g_.txt", AttachmentOpening.safeName("a<b>c:d\"e|f?g*.txt", id));
        assertEquals("report", AttachmentOpening.safeName("report. . ", id));
        assertEquals(id + "-CON.txt", AttachmentOpening.safeName("CON.txt", id));
        assertEquals(id + "-lpt1", AttachmentOpening.safeName("lpt1", id));
        assertEquals(id + ".bashrc", AttachmentOpening.safeName(".bashrc", id));
        assertEquals(id, AttachmentOpening.safeName("..", id));
        assertEquals("عکس ۱.jpg", AttachmentOpening.safeName("عکس ۱.jpg", id));
    }
}
