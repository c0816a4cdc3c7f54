package org.gawah.desktop;

/** One choice of a list on a page: the words it shows (already through the display path) and the value it stands for. */
record Choice(String shown, String value) {
    @Override
    public String toString() {
        return shown;
    }
}
