package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.DatabaseLockedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionStoreSmokeTest {
  @TempDir Path dir;

  @Test
  void writesSurviveFlushAndReopen() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.createIfNeeded("a");
      a.append(new byte[] {1, 2, 3});
      a.append(new byte[8000]);
      a.writeAt(1, new byte[] {9});
      assertThat(a.length()).isEqualTo(8003);
      assertThat(a.reserved()).isEqualTo(8192);
      store.flush();
      a.writeAt(0, new byte[] {7});
    }
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.get("a");
      assertThat(a.length()).isEqualTo(8003);
      assertThat(a.read(0, 3)).containsExactly(1, 9, 3);
      assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(DatabaseLockedException.class);
    }
  }
}
