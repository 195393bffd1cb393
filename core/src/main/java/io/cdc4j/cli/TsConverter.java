package io.cdc4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a ts flag ({@code --start-ts}, {@code --target-ts}) as TiCDC's uint64 flags do: digits only, no sign. */
final class TsConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            throw new TypeConversionException("'" + value + "' is not a ts (an unsigned integer)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is out of range for a ts");
        }
    }
}
