package dev.easel.host.protocol;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORFactoryBuilder;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Jackson's CBOR generator plus what it lacks for the compact encoding: doubles in their shortest exact
 * width (float16, float32 or float64) and splicing an already encoded item into a sized array.
 */
final class CompactCborGenerator extends CBORGenerator {
    private final byte[] scratch = new byte[3];

    CompactCborGenerator(IOContext ctxt, int stdFeatures, int formatFeatures, ObjectCodec codec, OutputStream out) {
        super(ctxt, stdFeatures, formatFeatures, codec, out);
    }

    /** Writes {@code d} as float16 when that is exact, else float32 when exact, else float64. */
    void writeShortestDouble(double d) throws IOException {
        int half = halfBitsIfExact(d);
        if (half >= 0) {
            _verifyValueWrite("write number");
            scratch[0] = (byte) 0xF9;
            scratch[1] = (byte) (half >> 8);
            scratch[2] = (byte) half;
            writeBytes(scratch, 0, 3);
            return;
        }
        float f = (float) d;
        if (Double.doubleToRawLongBits(f) == Double.doubleToRawLongBits(d)) {
            writeNumber(f);
        } else {
            writeNumber(d);
        }
    }

    /** Writes bytes that already hold exactly {@code count} encoded CBOR items, counting them as elements. */
    void writeEncodedItems(byte[] items, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            _verifyValueWrite("write value");
        }
        writeBytes(items, 0, items.length);
    }

    /** The IEEE 754 half-precision bits of {@code d}, or -1 when float16 cannot hold it exactly. */
    static int halfBitsIfExact(double d) {
        if (Double.isNaN(d)) {
            return 0x7E00;
        }
        long bits = Double.doubleToRawLongBits(d);
        int sign = (int) (bits >>> 48) & 0x8000;
        if (Double.isInfinite(d)) {
            return sign | 0x7C00;
        }
        if (d == 0) {
            return sign;
        }
        int exponent = Math.getExponent(d);
        long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
        if (exponent >= -14 && exponent <= 15) {
            // normal half: 10 mantissa bits, so the low 42 of the double's 52 must be zero
            if ((mantissa & ((1L << 42) - 1)) != 0) {
                return -1;
            }
            return sign | ((exponent + 15) << 10) | (int) (mantissa >>> 42);
        }
        if (exponent >= -24 && exponent < -14) {
            // subnormal half: value = m * 2^-24 with m < 1024
            long full = mantissa | (1L << 52);
            int shift = 52 - (exponent + 24);
            if ((full & ((1L << shift) - 1)) != 0) {
                return -1;
            }
            return sign | (int) (full >>> shift);
        }
        return -1;
    }

    /** A CBOR factory that also makes {@link CompactCborGenerator}s. */
    static final class Factory extends CBORFactory {
        private static final long serialVersionUID = 1L;

        Factory(CBORFactoryBuilder builder) {
            super(builder);
        }

        /** What {@link #createGenerator(OutputStream)} does, with the compact generator. */
        CompactCborGenerator compactGenerator(OutputStream out) throws IOException {
            IOContext ctxt = _createContext(_createContentReference(out), false);
            return new CompactCborGenerator(ctxt, _generatorFeatures, _formatGeneratorFeatures, _objectCodec,
                    _decorate(out, ctxt));
        }
    }
}
