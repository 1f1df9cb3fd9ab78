package dev.vecdb.vec;

import dev.vecdb.Format;
import dev.vecdb.MismatchException;
import dev.vecdb.VecOptions;
import dev.vecdb.VecdbException;
import dev.vecdb.codec.NumberType;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.compress.Lz4PageCodec;
import dev.vecdb.compress.PageCodec;
import dev.vecdb.compress.PcoPageCodec;
import dev.vecdb.compress.ZstdPageCodec;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionIds;
import dev.vecdb.store.RegionStore;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Opening a vector: its name, its header (created, checked against the options, or wiped and recreated on a mismatch
 * when the options allow it), the page codec of its format and the consistency of its dependent regions. What
 * {@link StoredVec}'s constructor runs before the vector exists; stateless.
 */
final class VecOpening {
  private VecOpening() {}

  /**
   * Returns {@code name} if it is a valid vector name.
   *
   * @throws dev.vecdb.InvalidNameException if it is not a valid region id, holds {@code @} or is longer than
   *     {@link StoredVec#MAX_NAME_BYTES} UTF-8 bytes
   */
  static String validateName(String name) {
    RegionIds.validate(name);
    if (name.indexOf('@') >= 0) {
      throw Exceptions.invalidName("invalid vector name '%s': '@' is reserved for a vector's own regions", name);
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > StoredVec.MAX_NAME_BYTES) {
      throw Exceptions.invalidName("invalid vector name: it is %s UTF-8 bytes long, the limit is %s (a region id's %s"
          + " less the longest suffix of the vector's own regions)", bytes, StoredVec.MAX_NAME_BYTES,
          RegionIds.MAX_BYTES);
    }
    return name;
  }

  /**
   * The header of vector {@code name}: a new one when its main region is new or empty, the stored one when it matches
   * {@code format}, {@code spec} and the options' version; on a mismatch, a new one after every region of the vector
   * is removed when the options reset on mismatch. A new header is recorded in {@code recorder} (null: no commit log).
   *
   * @throws MismatchException on a mismatch without reset-on-mismatch
   * @throws dev.vecdb.CorruptionException if the header or the length of the values is damaged
   * @throws dev.vecdb.ReadOnlyException if the database is read-only and the vector does not exist
   */
  static Header load(RegionStore store, String name, Format format, StoredVec.ValueSpec spec, VecOptions options,
      CommitRecorder recorder) {
    Region main = store.isWritable() ? store.createIfNeeded(name) : store.find(name).orElseThrow(
        () -> StoredVec.readOnly(name, store, "create it (it does not exist)"));
    if (main.length() == 0) {
      return create(main, name, format, spec, options, recorder);
    }
    Header stored = Header.decode(main.segment(), name);
    String mismatch = mismatch(stored, format, spec, options);
    if (mismatch != null) {
      if (!options.resetOnMismatch()) {
        throw VecErrors.mismatch("vector '%s' in %s: %s (open it with reset-on-mismatch to wipe it)", name,
            store.path(), mismatch);
      }
      for (String id : store.ids()) {
        if (id.equals(name) || id.startsWith(name + "@")) {
          store.remove(id);
        }
      }
      return create(store.createIfNeeded(name), name, format, spec, options, recorder);
    }
    long payload = main.length() - Header.SIZE;
    if (format.isRaw() && payload % spec.size() != 0) {
      throw Exceptions.corruption("vector '%s': %s bytes of values is not a multiple of the %s-byte value size", name,
          payload, spec.size());
    }
    return stored;
  }

  /**
   * Checks that the dependent regions the header records exist, and no others: a lost holes region would bring
   * deleted values back, a lost change set or baseline would change what a rollback does.
   *
   * @throws dev.vecdb.CorruptionException naming what is missing or extra
   */
  static void checkDependentRegions(RegionStore store, String name, Header header, HolesRegion holes,
      ChangeSets changes) {
    String missing;
    if (header.hasHoles != holes.exists()) {
      missing = header.hasHoles ? "its holes region '" + holes.id() + "' is missing"
          : "a holes region '" + holes.id() + "' exists that its header does not record";
    } else {
      missing = changes.inconsistencyWith(header);
    }
    if (missing != null) {
      throw Exceptions.corruption("vector '%s' in %s: %s", name, store.path(), missing);
    }
  }

  /**
   * The page codecs of a paged format, one per user (a codec is not thread-safe).
   *
   * @throws VecdbException if the format is ZSTD and zstd-jni is not on the class path
   */
  static Supplier<PageCodec> pageCodecs(Format format, VecOptions options, StoredVec.ValueSpec spec) {
    return switch (format) {
      case LZ4 -> Lz4PageCodec::new;
      case PCO -> () -> new PcoPageCodec(NumberType.ofCode(spec.typeCode()));
      case ZSTD -> {
        try {
          Class.forName("com.github.luben.zstd.Zstd");
        } catch (ClassNotFoundException e) {
          throw new VecdbException("vector uses format ZSTD, which needs com.github.luben:zstd-jni on the "
              + "class path", e);
        }
        yield () -> new ZstdPageCodec(options.compressionLevel());
      }
      default -> throw Exceptions.illegalArgument("format %s is not paged", format);
    };
  }

  /** Writes the header of a new vector into its empty main region; records the creation when the log is on. */
  private static Header create(Region main, String name, Format format, StoredVec.ValueSpec spec, VecOptions options,
      CommitRecorder recorder) {
    Header fresh = new Header(format.code(), spec.typeCode(), spec.size(), spec.signature(), options.version());
    main.truncateAndWrite(0, fresh.encode());
    CreateRecord.record(recorder, name, fresh, options);
    return fresh;
  }

  private static String mismatch(Header stored, Format format, StoredVec.ValueSpec spec, VecOptions options) {
    if (stored.formatCode != format.code()) {
      return "stored with format " + Header.formatName(stored.formatCode) + ", opened with " + format;
    }
    if (stored.typeCode != spec.typeCode() || stored.valueSize != spec.size()
        || stored.signature != spec.signature()) {
      return "stored with value type " + storedTypeLabel(stored) + " (" + stored.valueSize + " bytes), opened as "
          + spec.label() + " (" + spec.size() + " bytes)";
    }
    if (stored.userVersion != options.version()) {
      return "stored with version " + stored.userVersion + ", opened with version " + options.version();
    }
    return null;
  }

  /** A readable label of the value type {@code stored} records. */
  static String storedTypeLabel(Header stored) {
    NumberType number = NumberType.ofCode(stored.typeCode);
    if (number != null) {
      return number.label();
    }
    return switch (stored.typeCode) {
      case ValueCodec.BYTES_TYPE_CODE -> "bytes[" + stored.valueSize + "]";
      case ValueCodec.RECORD_TYPE_CODE -> "a record of layout signature " + Long.toHexString(stored.signature);
      default -> "type code " + stored.typeCode;
    };
  }
}
