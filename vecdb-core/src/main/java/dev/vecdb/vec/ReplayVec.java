package dev.vecdb.vec;

import dev.vecdb.Format;
import dev.vecdb.VecOptions;

/**
 * An untyped instance of a follower's vector that the application has not opened: what the applier of replicated
 * commits writes through, as raw value bytes (values are fixed-size bytes for every type), with the value type,
 * format and version its header records. When the application opens the vector, {@link VecRegistry} replaces this
 * instance with the application's typed one, which loads the same written state.
 */
final class ReplayVec extends StoredVec {
  ReplayVec(VecRegistry vectors, String name, Header header, int compressionLevel) {
    super(vectors, name, new ValueSpec(header.typeCode, header.valueSize, header.signature,
        VecOpening.storedTypeLabel(header)), new VecOptions(Format.ofCode(header.formatCode), header.userVersion, 0,
        false, compressionLevel));
  }
}
