# Tables of the paged-format results (median of the measured iterations, in brackets the best iteration):
#   python3 paged_table.py LOG[,LOG] JSON...   PagedFormatsBench: per dataset x format, stored bytes/value (from the
#                                              "# stored" lines of the logs), write MB/s, fold GB/s, random get latency;
#                                              a later JSON overrides an earlier one for the same cell;
#                                              JSON@LZ4=LZ4-JNI shows that file's LZ4 cells as format LZ4-JNI
#   python3 paged_table.py lz4 JSON            Lz4InstanceBench: ns per 16 KiB page per implementation
import json, re, statistics, sys

if sys.argv[1] == "lz4":
    rows = {}
    for b in json.load(open(sys.argv[2])):
        v = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        key = (b["benchmark"].rsplit(".", 1)[1], b["params"]["dataset"])
        rows.setdefault(key, {})[b["params"]["instance"]] = f"{statistics.median(v):,.0f} ({min(v):,.0f})"
    print("| operation | dataset | pure Java (`fastestJavaInstance`) | JNI (`nativeInstance`) | Unsafe (`unsafeInsecureInstance`) |")
    print("|---|---|---:|---:|---:|")
    for (op, ds), r in rows.items():
        print(f"| {op} | {ds} | {r['fastestJava']} | {r['native']} | {r['unsafeInsecure']} |")
    sys.exit()

SIZE = {"SEQUENTIAL_U64": 8, "PRICE_F64": 8, "SMALL_I32": 4, "RANDOM_U64": 8}
stored = {}
for log in sys.argv[1].split(","):
    for line in open(log):
        m = re.search(r"# stored (\S+) (\S+): \d+ bytes, ([\d.]+) bytes/value", line)
        if m:
            stored[(m.group(1), m.group(2))] = float(m.group(3))
cells = {}
for arg in sys.argv[2:]:
    f, _, relabel = arg.partition("@")
    old, _, new = relabel.partition("=")
    for b in json.load(open(f)):
        fmt = new if b["params"]["format"] == old else b["params"]["format"]
        key = (fmt, b["params"]["dataset"], b["benchmark"].rsplit(".", 1)[1])
        cells[key] = [x for fork in b["primaryMetric"]["rawData"] for x in fork]

def cell(fmt, ds, bench, convert):
    v = cells.get((fmt, ds, bench))
    if not v:
        return "-"
    med, best = convert(statistics.median(v)), convert(min(v))
    return f"{med:,.0f} ({best:,.0f})" if med >= 10 else f"{med:.2f} ({best:.2f})"

print("| dataset | format | bytes/value | write MB/s | fold GB/s | random get |")
print("|---|---|---:|---:|---:|---:|")
for ds in SIZE:
    for fmt in ["BYTES", "LZ4", "LZ4-JNI", "ZSTD", "PCO"]:
        size = SIZE[ds]
        b = stored.get((fmt, ds))
        get = cells.get((fmt, ds, "randomGet"))
        if get:
            med, best = statistics.median(get), min(get)
            get_s = f"{med / 1000:.1f} µs ({best / 1000:.1f})" if med >= 1000 else f"{med:.0f} ns ({best:.0f})"
        else:
            get_s = "-"
        print(f"| {ds} | {fmt} | {b:.3f} | " if b is not None else f"| {ds} | {fmt} | - | ", end="")
        print(cell(fmt, ds, "write", lambda ns: size / ns * 1000) + " | "
              + cell(fmt, ds, "fold", lambda ns: size / ns) + " | " + get_s + " |")
