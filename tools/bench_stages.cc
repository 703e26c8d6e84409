// Google Benchmark micro-benchmarks, one per stage and one per rule set, so that a slow stage is
// found by name. Input: every document of corpus/ and of ../shared/seeds, read once; each
// benchmark reports bytes/s over the bytes it was given (the source bytes for decode, the
// normalized text for the later stages).
//
//   ninja -C build vnplan_bench && build/vnplan_bench
//   build/vnplan_bench --benchmark_filter='RuleSet|Extract'
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "pipeline/pipeline.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

struct Prepared {
  std::string path;
  std::string bytes;
  Document doc;
  NormalizedText norm;
  Segmented seg;
};

struct Inputs {
  std::unique_ptr<Pipeline> pipeline;
  std::vector<std::unique_ptr<Prepared>> docs;
  int64_t source_bytes = 0;
  int64_t normalized_bytes = 0;
};

const Inputs& Load() {
  static const Inputs* inputs = [] {
    auto* in = new Inputs();
    in->pipeline = std::move(Pipeline::Create({})).value();
    std::vector<std::string> paths;
    for (const char* dir : {VNPLAN_SOURCE_DIR "/corpus", VNPLAN_SEEDS_DIR}) {
      if (!fs::is_directory(dir)) continue;
      for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      auto d = std::make_unique<Prepared>();
      d->path = p;
      std::ifstream f(p, std::ios::binary);
      d->bytes.assign(std::istreambuf_iterator<char>(f), {});
      d->doc = MakeDocument(p, d->bytes, {});
      d->norm = Normalize(d->doc.text);
      d->seg = Segment(d->norm, in->pipeline->section_kinds());
      in->source_bytes += static_cast<int64_t>(d->bytes.size());
      in->normalized_bytes += static_cast<int64_t>(d->norm.text.size());
      in->docs.push_back(std::move(d));
    }
    return in;
  }();
  return *inputs;
}

void BM_Decode(benchmark::State& state) {
  const Inputs& in = Load();
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      Decoded out = Decode(d->bytes, {}, d->path);
      benchmark::DoNotOptimize(out);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.source_bytes);
}
BENCHMARK(BM_Decode);

void BM_Normalize(benchmark::State& state) {
  const Inputs& in = Load();
  Normalizer normalizer;
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      NormalizedText n = normalizer.Run(d->doc.text);
      benchmark::DoNotOptimize(n);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.source_bytes);
}
BENCHMARK(BM_Normalize);

void BM_Fold(benchmark::State& state) {
  const Inputs& in = Load();
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      FoldedText f = FoldDiacritics(d->norm.text);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.normalized_bytes);
}
BENCHMARK(BM_Fold);

void BM_Segment(benchmark::State& state) {
  const Inputs& in = Load();
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      Segmented s = Segment(d->norm, in.pipeline->section_kinds());
      benchmark::DoNotOptimize(s);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.normalized_bytes);
}
BENCHMARK(BM_Segment);

// One rule set's FindAll over the normalized text (accented matching).
void BM_RuleSet(benchmark::State& state, std::string topic) {
  const Inputs& in = Load();
  const RuleSet* set = in.pipeline->rules().Topic(topic);
  std::vector<Match> out;
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      set->FindAll(d->norm.text, false, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * in.normalized_bytes);
}

// Only the Set scans that FindAll makes before any rule runs (RuleSet::ForEachWindow), for each
// of `topics`, topic after topic as the pipeline runs them. No rule runs, no field is taken: a
// floor under the time of FindAll, and with every topic FindAll runs over whole texts, a ceiling
// on the speed of any extraction that finds these rules with these Sets (README, Performance).
void BM_SetScan(benchmark::State& state, std::vector<std::string> topics) {
  const Inputs& in = Load();
  size_t hits = 0;
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      for (const std::string& topic : topics) {
        in.pipeline->rules().Topic(topic)->ForEachWindow(
            d->norm.text, false, [&](Span, std::span<const int> h) { hits += h.size(); });
      }
    }
  }
  benchmark::DoNotOptimize(hits);
  state.SetBytesProcessed(state.iterations() * in.normalized_bytes);
}

// One extractor (ExtractOptions with only that kind on), rule matching included.
void BM_Extract(benchmark::State& state, std::string kind) {
  const Inputs& in = Load();
  ExtractOptions options{false, false, false, false, false, false};
  if (kind == "all") options = {};
  if (kind == "citations") options.citations = true;
  if (kind == "amounts") options.amounts = true;
  if (kind == "quantities") options.quantities = true;
  if (kind == "dates") options.dates = true;
  if (kind == "responsibilities") options.responsibilities = true;
  if (kind == "reports") options.reports = true;
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      Diagnostics diags;
      Records r = Extract(in.pipeline->rules(), ExtractContext{d->norm, d->seg, std::nullopt},
                          &diags, options);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.normalized_bytes);
}

void BM_Audit(benchmark::State& state) {
  const Inputs& in = Load();
  std::vector<ProcessedDocument> done;
  for (const auto& d : in.docs) done.push_back(in.pipeline->Process(d->doc));
  for (auto _ : state) {
    for (const ProcessedDocument& p : done) {
      Records f = in.pipeline->auditor().CheckDocument(p.records, p.doc.text);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.source_bytes);
}
BENCHMARK(BM_Audit);

void BM_EmitJsonl(benchmark::State& state) {
  const Inputs& in = Load();
  std::vector<ProcessedDocument> done;
  for (const auto& d : in.docs) done.push_back(in.pipeline->Process(d->doc));
  for (auto _ : state) {
    std::ostringstream os;
    std::unique_ptr<Sink> sink = OpenJsonlSink(&os);
    for (const ProcessedDocument& p : done) benchmark::DoNotOptimize(sink->Write(ToOutput(p)));
    benchmark::DoNotOptimize(sink->Finish());
  }
  state.SetBytesProcessed(state.iterations() * in.source_bytes);
}
BENCHMARK(BM_EmitJsonl);

// The whole of Pipeline::Process (no I/O): the figure to hold against the per-core bar.
void BM_Process(benchmark::State& state) {
  const Inputs& in = Load();
  for (auto _ : state) {
    for (const auto& d : in.docs) {
      ProcessedDocument p = in.pipeline->Process(d->doc);
      benchmark::DoNotOptimize(p);
    }
  }
  state.SetBytesProcessed(state.iterations() * in.source_bytes);
}
BENCHMARK(BM_Process);

void BM_Startup(benchmark::State& state) {
  for (auto _ : state) {
    auto p = Pipeline::Create({});
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_Startup)->Unit(benchmark::kMillisecond);

const bool kRegistered = [] {
  for (const std::string topic :
       {"citation", "amount", "quantity", "date", "responsibility", "report", "agencies"}) {
    benchmark::RegisterBenchmark(("BM_RuleSet/" + topic).c_str(), BM_RuleSet, topic);
  }
  for (const std::string topic : {"citation", "amount", "quantity", "date", "responsibility"}) {
    benchmark::RegisterBenchmark(("BM_SetScan/" + topic).c_str(), BM_SetScan,
                                 std::vector<std::string>{topic});
  }
  benchmark::RegisterBenchmark(
      "BM_SetScan/whole_text_topics", BM_SetScan,
      std::vector<std::string>{"citation", "amount", "quantity", "date", "responsibility"});
  for (const std::string kind :
       {"citations", "amounts", "quantities", "dates", "responsibilities", "reports", "all"}) {
    benchmark::RegisterBenchmark(("BM_Extract/" + kind).c_str(), BM_Extract, kind);
  }
  return true;
}();

}  // namespace
}  // namespace vnplan

BENCHMARK_MAIN();
