# Aggregates JMH JSON results: python3 aggregate.py json/final-pw-*.json  (per benchmark: iterations, median, min, p25, mean of all iterations; median gc.alloc.rate.norm)
import json, sys, statistics, collections
# usage: agg.py file.json... ; prints per benchmark: n, median, min, p25, mean, gc.alloc.rate.norm
data = collections.defaultdict(list); alloc = collections.defaultdict(list)
for f in sys.argv[1:]:
    for b in json.load(open(f)):
        name = b['benchmark'].split('.')[-2] + '.' + b['benchmark'].split('.')[-1]
        for fork in b['primaryMetric']['rawData']:
            data[name].extend(fork)
        g = b.get('secondaryMetrics', {}).get('gc.alloc.rate.norm')
        if g: alloc[name].append(g['score'])
print("| benchmark | n | median | min | p25 | mean | gc.alloc.rate.norm (B/op) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for k in sorted(data):
    v = sorted(data[k]); n = len(v)
    p25 = v[max(0, int(0.25 * (n - 1)))]
    a = ("%.4f" % statistics.median(alloc[k])) if alloc[k] else "-"
    print(f"| {k} | {n} | {statistics.median(v):.3f} | {v[0]:.3f} | {p25:.3f} | {statistics.mean(v):.3f} | {a} |")
