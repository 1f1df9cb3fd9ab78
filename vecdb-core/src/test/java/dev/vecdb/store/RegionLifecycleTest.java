package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.AlreadyExistsException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.NotFoundException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionLifecycleTest {
  @TempDir Path dir;

  @Test
  void createIfNeededIsIdempotentAndReturnsTheSameHandle() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.createIfNeeded("a");
      a.append(new byte[] {1});
      assertThat(store.createIfNeeded("a")).isSameAs(a);
      assertThat(store.get("a")).isSameAs(a);
      assertThat(store.find("a")).containsSame(a);
      assertThat(a.length()).isEqualTo(1);
      assertThat(store.regions()).containsExactly(a);
    }
  }

  @Test
  void getAndFindOfAMissingRegion() {
    try (RegionStore store = RegionStore.open(dir)) {
      assertThat(store.find("nope")).isEmpty();
      assertThat(store.contains("nope")).isFalse();
      assertThatThrownBy(() -> store.get("nope")).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("'nope'").hasMessageContaining(dir.toString());
    }
  }

  @Test
  void idsAreSorted() {
    try (RegionStore store = RegionStore.open(dir)) {
      for (String id : new String[] {"m", "b", "z", "a", "B"}) {
        store.createIfNeeded(id);
      }
      assertThat(store.ids()).containsExactly("B", "a", "b", "m", "z");
    }
  }

  @Test
  void createdButNeverWrittenRegionSurvivesFlushAndReopen() {
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded("empty");
      store.flush();
    }
    try (RegionStore store = RegionStore.open(dir)) {
      Region empty = store.get("empty");
      assertThat(empty.length()).isZero();
      assertThat(empty.reserved()).isEqualTo(SpaceLayout.PAGE);
      assertThat(empty.readAll()).isEmpty();
    }
  }

  @Test
  void removeAndRemoveIfExists() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.createIfNeeded("a");
      store.createIfNeeded("b");
      store.remove("a");
      assertThat(a.isRemoved()).isTrue();
      assertThat(store.ids()).containsExactly("b");
      assertThatThrownBy(() -> store.remove("a")).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("'a'");
      assertThat(store.removeIfExists("a")).isFalse();
      assertThat(store.removeIfExists("b")).isTrue();
      assertThat(store.ids()).isEmpty();
      assertThatThrownBy(() -> a.append(new byte[1])).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(a::segment).isInstanceOf(NotFoundException.class);
      assertThat(store.createIfNeeded("a")).isNotSameAs(a);
      store.flush();
    }
    try (RegionStore store = RegionStore.open(dir)) {
      assertThat(store.ids()).containsExactly("a");
    }
  }

  @Test
  void aRemovedHandleNeverActsOnTheRegionThatTookItsId() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region old = store.createIfNeeded("a");
      old.remove();
      Region current = store.createIfNeeded("a");
      current.append(new byte[] {1});
      assertThatThrownBy(old::remove).isInstanceOf(NotFoundException.class).hasMessageContaining("removed");
      assertThatThrownBy(() -> old.rename("b")).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("removed");
      assertThat(store.ids()).containsExactly("a");
      assertThat(store.get("a")).isSameAs(current);
      assertThat(current.isRemoved()).isFalse();
      assertThat(current.readAll()).containsExactly(1);
    }
  }

  @Test
  void regionRemoveRemovesItself() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.createIfNeeded("a");
      a.remove();
      assertThat(store.contains("a")).isFalse();
    }
  }

  @Test
  void renameKeepsTheHandleWorkingAndSurvivesReopen() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.createIfNeeded("a");
      a.append(new byte[] {1, 2});
      long start = a.start();
      store.rename("a", "b");
      assertThat(a.id()).isEqualTo("b");
      assertThat(store.get("b")).isSameAs(a);
      assertThat(store.find("a")).isEmpty();
      a.append(new byte[] {3});
      a.rename("c");
      assertThat(store.ids()).containsExactly("c");
      assertThat(a.start()).isEqualTo(start);
      store.flush();
    }
    try (RegionStore store = RegionStore.open(dir)) {
      assertThat(store.ids()).containsExactly("c");
      assertThat(store.get("c").readAll()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void renameToAnExistingIdFailsAndChangesNothing() {
    try (RegionStore store = RegionStore.open(dir)) {
      Region a = store.createIfNeeded("a");
      Region b = store.createIfNeeded("b");
      assertThatThrownBy(() -> store.rename("a", "b")).isInstanceOf(AlreadyExistsException.class)
          .hasMessageContaining("'a'").hasMessageContaining("'b'");
      assertThatThrownBy(() -> store.rename("x", "y")).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("'x'");
      assertThat(store.get("a")).isSameAs(a);
      assertThat(store.get("b")).isSameAs(b);
      assertThat(a.id()).isEqualTo("a");
    }
  }

  @Test
  void retainRemovesEverythingElse() {
    try (RegionStore store = RegionStore.open(dir)) {
      for (String id : new String[] {"a", "b", "c", "d"}) {
        store.createIfNeeded(id);
      }
      store.retain(Set.of("b", "d", "ghost"));
      assertThat(store.ids()).containsExactly("b", "d");
      store.retain(Set.of());
      assertThat(store.ids()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "a\\b", "tab\there", "nul\u0000", "del\u007f", "nl\n", "c1\u0085",
      "lone\ud800surrogate"})
  void invalidIdsAreRejectedEverywhere(String id) {
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded("ok");
      assertThatThrownBy(() -> store.createIfNeeded(id)).isInstanceOf(InvalidNameException.class)
          .hasMessageContaining("invalid region id");
      assertThatThrownBy(() -> store.rename("ok", id)).isInstanceOf(InvalidNameException.class);
      assertThat(store.ids()).containsExactly("ok");
    }
  }

  @Test
  void nullIdIsInvalid() {
    try (RegionStore store = RegionStore.open(dir)) {
      assertThatThrownBy(() -> store.createIfNeeded(null)).isInstanceOf(InvalidNameException.class);
    }
  }

  @Test
  void idLengthLimitIs1024Utf8Bytes() {
    String ascii1024 = "a".repeat(1024);
    String multibyte1024 = "é".repeat(512);
    String multibyte1025 = "é".repeat(512) + "x";
    String threeByte = "✓".repeat(342);
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded(ascii1024).append(new byte[] {1});
      store.createIfNeeded(multibyte1024).append(new byte[] {2});
      assertThatThrownBy(() -> store.createIfNeeded("a".repeat(1025))).isInstanceOf(InvalidNameException.class)
          .hasMessageContaining("1025 UTF-8 bytes");
      assertThatThrownBy(() -> store.createIfNeeded(multibyte1025)).isInstanceOf(InvalidNameException.class)
          .hasMessageContaining("1025 UTF-8 bytes");
      assertThatThrownBy(() -> store.createIfNeeded(threeByte)).isInstanceOf(InvalidNameException.class)
          .hasMessageContaining("1026 UTF-8 bytes");
      store.flush();
    }
    try (RegionStore store = RegionStore.open(dir)) {
      assertThat(store.get(ascii1024).readAll()).containsExactly(1);
      assertThat(store.get(multibyte1024).readAll()).containsExactly(2);
    }
  }
}
