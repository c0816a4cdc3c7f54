package org.gawah.cli;

import org.gawah.testimony.RecordId;

import picocli.CommandLine.ITypeConverter;

/** A record, case or package id on the command line, in any case and digits ({@link RecordId#normalised}). */
final class IdArgument implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        return RecordId.normalised(value);
    }
}
