package io.github.cni4j.internal.jna;

import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * {@code struct statfs}: only {@code f_type} (the filesystem magic, a C {@code long} first in the struct on every
 * Linux ABI) is read; the rest is reserved space, larger than the real struct on any ABI.
 */
@Structure.FieldOrder({"f_type", "f_rest"})
public final class Statfs extends Structure {

    /** The filesystem magic number. */
    public NativeLong f_type;

    /** The remaining fields, not interpreted. */
    public byte[] f_rest = new byte[256];

    /** Creates an empty buffer. */
    public Statfs() {
        super();
    }
}
