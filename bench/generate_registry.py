#!/usr/bin/env python3
"""Generate a synthetic modelreg registry for benchmarking.

    python3 bench/generate_registry.py N OUTDIR [--seed S] [--schema FILE]

Writes OUTDIR/registry/<id>.yaml for N models and copies the schema to
OUTDIR/schemas/model.schema.json. The output depends only on N and the seed
(default 42), so two runs with the same arguments produce identical files.

The entries imitate the hand-written ones in registry/: a `yaml-language-server`
first line and comments, folded descriptions, every model type, quoted dates and
version-like strings, and the cross-file structure the verifier checks (unique
ids, aliases and Hub ids, lineage to earlier entries, replacements that are not
deprecated, Matryoshka and projection consistency, artifacts whose aggregate
hash is computed like `sha256sum FILES | LC_ALL=C sort | sha256sum`, and
version locks). Every generated registry is meant to verify clean.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import random
import shutil
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCHEMA = ROOT / "schemas" / "model.schema.json"

# Model types and how often each appears (embedders dominate, as in the real registry).
TYPE_WEIGHTS = [
    ("dense", 30),
    ("colbert", 10),
    ("sparse", 6),
    ("cross-encoder", 10),
    ("causal-lm", 20),
    ("seq2seq", 5),
    ("vision-language", 9),
    ("speech", 6),
    ("other", 4),
]

# Per type: family word (used in names and short aliases), backbones, roles, modalities, backends.
TYPE_INFO = {
    "dense": {
        "word": "embed",
        "arch": ["bert", "xlm-roberta", "nomic_bert", "mpnet", "new", "modernbert"],
        "roles": [["embedding", "retrieval"], ["embedding"], ["embedding", "retrieval", "clustering"]],
        "modalities": [["text"]],
        "backends": ["ollama", "transformers", "onnx"],
    },
    "colbert": {
        "word": "colbert",
        "arch": ["bert", "xlm-roberta", "modernbert"],
        "roles": [["retrieval", "rerank"], ["retrieval"]],
        "modalities": [["text"]],
        "backends": ["transformers", "onnx"],
    },
    "sparse": {
        "word": "splade",
        "arch": ["bert", "distilbert"],
        "roles": [["retrieval"], ["retrieval", "keyword-expansion"]],
        "modalities": [["text"]],
        "backends": ["transformers", "onnx"],
    },
    "cross-encoder": {
        "word": "reranker",
        "arch": ["xlm-roberta", "bert", "electra", "modernbert"],
        "roles": [["rerank"]],
        "modalities": [["text"]],
        "backends": ["transformers", "onnx", "vllm"],
    },
    "causal-lm": {
        "word": "chat",
        "arch": ["qwen2", "llama", "mistral", "gemma2", "phi3"],
        "roles": [["chat"], ["chat", "summarization"], ["chat", "tool-use"]],
        "modalities": [["text"]],
        "backends": ["vllm", "ollama", "gguf", "lmdeploy"],
    },
    "seq2seq": {
        "word": "t5",
        "arch": ["t5", "mt5", "bart", "marian"],
        "roles": [["translation"], ["summarization"], ["translation", "summarization"]],
        "modalities": [["text"]],
        "backends": ["transformers", "onnx"],
    },
    "vision-language": {
        "word": "vl",
        "arch": ["qwen2_vl", "llava", "idefics3", "paligemma"],
        "roles": [["caption", "description", "keywords", "chat"], ["caption", "keywords"], ["description", "chat"]],
        "modalities": [["text", "vision"], ["text", "vision", "video"]],
        "backends": ["vllm", "lmdeploy", "ollama"],
    },
    "speech": {
        "word": "whisper",
        "arch": ["whisper", "wav2vec2"],
        "roles": [["transcription"], ["transcription", "translation"]],
        "modalities": [["audio"]],
        "backends": ["transformers", "onnx", "other"],
    },
    "other": {
        "word": "classifier",
        "arch": ["bert", "deberta-v2", "roberta"],
        "roles": [["classification"], ["moderation"], ["language-id"]],
        "modalities": [["text"]],
        "backends": ["transformers", "other"],
    },
}

ORGS = [
    ("acme-ai", "Acme AI Research"),
    ("NorthwindLabs", "Northwind Labs"),
    ("open-embed", "Open Embeddings Collective"),
    ("Contoso", "Contoso Machine Learning"),
    ("lumen-research", "Lumen Research (University of Somewhere)"),
    ("BlueHeronAI", "Blue Heron AI"),
    ("fabrikam", "Fabrikam, Inc."),
    ("tailspin-nlp", "Tailspin NLP group"),
]
LICENSES = ["apache-2.0", "mit", "apache-2.0", "mit", "cc-by-4.0", "cc-by-nc-4.0", "cc-by-nc-sa-4.0", "llama3.1", "other"]
SIZES = ["tiny", "small", "base", "large", "xl"]
# ISO codes only: no YAML 1.1 booleans such as `no`, `on` or `yes` among them.
LANGUAGES = ["en", "zh", "de", "fr", "es", "ja", "ko", "ru", "pt-BR", "it", "ar", "hi", "zh-Hans", "nl", "sv", "pl"]
QUANT_TEXT = ["fp32", "fp16", "bf16", "int8"]
QUANT_LLM = ["bf16", "fp16", "fp8", "awq", "gptq", "int4", "q4_k_m", "q5_k_m", "q8_0"]
PORTS = {"vllm": 8000, "ollama": 11434, "lmdeploy": 23333, "transformers": 8080, "onnx": 8090, "gguf": 8100, "other": 9000}
MATRYOSHKA_SIZES = [2048, 1536, 1024, 768, 512, 384, 256, 128, 64, 32]

SENTENCES = {
    "dense": [
        "Maps sentences and short paragraphs to {dim}-dim normalized vectors for semantic search and clustering.",
        "Trained contrastively on web-scale text pairs, then fine-tuned with hard negatives mined from retrieval logs.",
        "Mean pooling over the last hidden layer; inputs longer than {ctx} tokens are truncated.",
        "A solid default when speed matters more than the last point of retrieval quality.",
    ],
    "colbert": [
        "Late-interaction retriever: queries and passages become one {dim}-dim vector per token, matched with MaxSim.",
        "Distilled from a cross-encoder teacher on MS MARCO with hard negatives.",
        "Indexes are larger than single-vector ones but recall on long-tail queries is markedly better.",
    ],
    "sparse": [
        "Learned sparse retriever producing one weight per vocabulary term ({dim}-dim, mostly zero).",
        "Works with ordinary inverted indexes; expansion terms are learned from an MLM head.",
        "Trained with KL-divergence and MarginMSE distillation.",
    ],
    "cross-encoder": [
        "Cross-encoder that reads a query and a passage together and returns a relevance logit.",
        "Used to rerank the top candidates from first-stage retrieval; apply a sigmoid for 0-1 scores.",
        "Handles inputs up to {ctx} tokens, though the authors recommend shorter pairs.",
    ],
    "causal-lm": [
        "Instruction-tuned decoder-only model with a {ctx}-token context for chat and utility tasks.",
        "Supports JSON/structured output and tool calling through the chat template.",
        "Small enough for a single consumer GPU once quantized.",
    ],
    "seq2seq": [
        "Encoder-decoder model for translation and abstractive summarization.",
        "Pre-trained with span corruption, then fine-tuned on a mixture of supervised tasks.",
        "Inputs are limited to {ctx} tokens; outputs are generated with beam search by default.",
    ],
    "vision-language": [
        "Vision-language model: an image encoder with dynamic resolution feeds a decoder-only language model.",
        "Reads images (and short videos) together with text; used to caption, describe and tag images.",
        "Images consume many tokens, so the served context is shorter than the {ctx}-token maximum.",
    ],
    "speech": [
        "Speech model that transcribes audio in many languages, working on 30-second windows.",
        "Trained on large-scale weakly supervised audio; also translates speech into English.",
        "Decoder limited to {ctx} tokens per window.",
    ],
    "other": [
        "Sequence classifier fine-tuned for content labelling.",
        "Returns one score per label; thresholds are tuned per deployment.",
        "Inputs longer than {ctx} tokens are truncated from the end.",
    ],
}


def q(text: str) -> str:
    """A double-quoted YAML scalar (used for dates, versions, hashes and prefixes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items) -> str:
    return "[" + ", ".join(str(item) for item in items) + "]"


def folded(text: str, indent: str = "  ") -> list[str]:
    return [">-"] + [indent + line for line in textwrap.wrap(text, width=74, break_on_hyphens=False)]


def aggregate_sha256(files: list[tuple[str, str, int]]) -> str:
    """SHA-256 of the lines `<sha256>  <path>\\n`, sorted bytewise (like `sha256sum | LC_ALL=C sort | sha256sum`)."""
    lines = sorted((f"{sha}  {path}\n".encode("utf-8") for path, sha, _ in files))
    return hashlib.sha256(b"".join(lines)).hexdigest()


class Generator:
    def __init__(self, count: int, seed: int):
        self.count = count
        self.seed = seed
        self.rng = random.Random(seed)
        self.width = max(5, len(str(max(count - 1, 0))))
        names = [t for t, _ in TYPE_WEIGHTS]
        weights = [w for _, w in TYPE_WEIGHTS]
        # Round-robin over the types first so that every type appears even in small registries.
        self.types = [names[i] if i < len(names) else self.rng.choices(names, weights)[0] for i in range(count)]
        self.ids = [f"model-{i:0{self.width}d}-{t}" for i, t in enumerate(self.types)]
        # Deprecations (~5%, plus a few bare `deprecated: true`), decided up front so that
        # replacements can point at entries that are not deprecated.
        self.deprecated: dict[int, str] = {}
        if count >= 2:
            for i in range(count):
                r = self.rng.random()
                if r < 0.05:
                    self.deprecated[i] = "replaced"
                elif r < 0.056:
                    self.deprecated[i] = "flag"
        self.by_type: dict[str, list[int]] = {}
        for i, t in enumerate(self.types):
            if i not in self.deprecated:
                self.by_type.setdefault(t, []).append(i)
        self.live = [i for i in range(count) if i not in self.deprecated]
        self.positions: dict[str, list[int]] = {}
        for i, t in enumerate(self.types):
            self.positions.setdefault(t, []).append(i)

    # -- pieces -------------------------------------------------------------------------------

    def sha(self, *parts) -> str:
        return hashlib.sha256("/".join(str(p) for p in (self.seed,) + parts).encode()).hexdigest()

    def date(self, rng: random.Random, first: int = 2019, last: int = 2025) -> str:
        year = rng.randint(first, last)
        form = rng.random()
        if form < 0.15:
            return f"{year}"
        if form < 0.75:
            return f"{year}-{rng.randint(1, 12):02d}"
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def parameters(self, rng: random.Random, kind: str):
        if kind in ("causal-lm", "vision-language"):
            value = rng.choice(["0.49B", "0.5B", "1.5B", "1.8B", "2.2B", "3B", "3.8B", "7.6B", "8B", "14B"])
        elif kind in ("seq2seq", "speech"):
            value = rng.choice(["60M", "220M", "244M", "580M", "769M", "1.2B"])
        else:
            value = rng.choice(["22.7M", "33M", "110M", "137M", "149M", "335M", "395M", "568M"])
        if rng.random() < 0.1:
            number, suffix = float(value[:-1]), value[-1]
            return int(number * {"M": 1e6, "B": 1e9}[suffix]) + rng.randint(1, 99999)
        return value

    # -- one entry ------------------------------------------------------------------------------

    def entry(self, i: int) -> str:
        rng = random.Random(self.seed * 1_000_003 + i)
        kind = self.types[i]
        info = TYPE_INFO[kind]
        model_id = self.ids[i]
        number = f"{i:0{self.width}d}"
        org, org_name = rng.choice(ORGS)
        size = rng.choice(SIZES)
        word = info["word"]
        version = rng.choice(["", "-v1", "-v1.5", "-v2", "-v2.0", "-v3"])
        hub_name = f"{word.capitalize()}-{size}-{number}{version}"
        hub_id = f"{org}/{hub_name}"
        name = f"{org_name.split(' ')[0].rstrip(',')} {word.capitalize()} {size.capitalize()} {i}{version.replace('-', ' ')}"

        # Shapes.
        arch_type = rng.choice(info["arch"])
        hidden = rng.choice([384, 512, 768, 1024, 1536, 2048, 3584, 4096] if kind in ("causal-lm", "vision-language") else [384, 768, 1024])
        layers = rng.choice([6, 12, 24] if kind not in ("causal-lm", "vision-language") else [24, 28, 32, 40])
        vocab = rng.choice([30522, 50265, 151936, 250002, 32000, 128256] if kind != "speech" else [51865, 51866])
        if kind in ("causal-lm", "vision-language"):
            max_pos = rng.choice([4096, 8192, 32768, 131072])
        elif kind == "speech":
            max_pos = 448
        else:
            max_pos = rng.choice([512, 514, 2048, 8192, 8194])
        if kind in ("causal-lm", "vision-language"):
            lengths = (2048, 4096, 8192, 32768, 131072)
        elif kind == "speech":
            lengths = (256, 448)
        else:
            lengths = (256, 512, 2048, 8192)
        context = rng.choice([c for c in lengths if c <= max_pos] or [max_pos])
        embedding = None
        if kind == "dense":
            embedding = hidden if rng.random() < 0.7 else rng.choice([256, 384, 512, 768])
        elif kind == "colbert":
            embedding = rng.choice([96, 128])
        elif kind == "sparse":
            embedding = vocab
        has_projection = None
        if kind == "colbert":
            has_projection = True
        elif kind in ("dense", "sparse"):
            has_projection = embedding != hidden and kind == "dense"
        matryoshka = kind == "dense" and rng.random() < 0.3
        dims = []
        if matryoshka:
            sizes = [s for s in MATRYOSHKA_SIZES if s < embedding]
            dims = [embedding] + sorted(rng.sample(sizes, min(len(sizes), rng.randint(2, 4))), reverse=True)

        L: list[str] = []
        add = L.append
        add("# yaml-language-server: $schema=../schemas/model.schema.json")
        add(f"# {name}: synthetic {kind} entry generated for benchmarking (seed {self.seed}).")
        if i in self.deprecated:
            add("# Deprecated; kept so that existing indexes can still be read.")
        add("")
        add("schema_version: 1")
        add(f"id: {model_id}")
        add(f"name: {name}")
        add(f"type: {kind}")
        add(f"license: {rng.choice(LICENSES)}")
        sentences = [s.format(dim=embedding or hidden, ctx=context) for s in SENTENCES[kind]]
        description = " ".join(rng.sample(sentences, rng.randint(2, len(sentences))))
        add("description: " + "\n".join(folded(description)))
        add("")
        add(f"huggingface_id: {hub_id}")
        if rng.random() < 0.3:
            add(f"revision: {self.sha('revision', i)[:40]}")
        add(f"organization: {org_name}")
        add(f"release_date: {q(self.date(rng))}")
        add("")

        add("architecture:")
        add(f"  type: {arch_type}")
        if rng.random() < 0.5:
            add(f"  variant: {q(rng.choice(['0.5B', '1.5B', '2B', '7B', 'v2', '1.0']))}")
        else:
            add(f"  variant: {size}, {layers} layers")
        if has_projection is not None:
            if has_projection:
                add(f"  # A linear layer maps the {hidden}-d hidden states to {embedding}-d vectors.")
                add("  has_projection: true")
                add(f"  projection_dims: {embedding}")
            else:
                add("  has_projection: false")
        if matryoshka:
            add(f"  matryoshka_dims: {flow(dims)}")
        add("")

        add("specs:")
        add(f"  parameters: {self.parameters(rng, kind)}")
        if embedding is not None:
            if kind == "sparse":
                add("  # Output has one weight per vocabulary entry.")
            add(f"  embedding_dim: {embedding}")
        add(f"  hidden_dim: {hidden}")
        if context < max_pos and rng.random() < 0.5:
            add(f"  # Trained on {context} tokens; the position table is longer.")
        add(f"  context_length: {context}")
        add(f"  max_position_embeddings: {max_pos}")
        add(f"  vocab_size: {vocab}")
        add(f"  num_layers: {layers}")
        add("")

        add("capabilities:")
        if rng.random() < 0.3:
            languages = ["multilingual"]
        else:
            languages = rng.sample(LANGUAGES, rng.randint(1, 3))
        add(f"  languages: {flow(languages)}")
        add(f"  modalities: {flow(rng.choice(info['modalities']))}")
        if kind in ("dense", "colbert", "sparse"):
            add(f"  multi_vector: {'true' if kind == 'colbert' else 'false'}")
            add(f"  matryoshka: {'true' if matryoshka else 'false'}")
        pool = QUANT_LLM if kind in ("causal-lm", "vision-language") else QUANT_TEXT
        if rng.random() < 0.85:
            add(f"  quantization: {flow(rng.sample(pool, rng.randint(1, 4)))}")
        add("")

        if rng.random() < 0.5:
            add("performance:")
            add("  # Figures from the model card.")
            benchmarks = {
                "dense": ["mteb_avg", "mteb_retrieval", "beir13_avg_ndcg10"],
                "colbert": ["msmarco_dev_mrr10", "beir13_avg_ndcg10", "lotte_pooled_s5"],
                "sparse": ["msmarco_dev_mrr10", "beir13_avg_ndcg10"],
                "cross-encoder": ["msmarco_dev_mrr10", "miracl_ndcg10"],
                "causal-lm": ["mmlu", "gsm8k", "ifeval", "humaneval"],
                "seq2seq": ["wmt14_en-de_bleu", "cnn_dm_rouge-l"],
                "vision-language": ["mmmu_val", "docvqa_test", "textvqa_val"],
                "speech": ["librispeech_test-clean_wer", "common_voice_15_wer"],
                "other": ["accuracy", "macro_f1"],
            }[kind]
            for bench in rng.sample(benchmarks, rng.randint(1, len(benchmarks))):
                add(f"  {bench}: {rng.uniform(10, 90):.2f}")
            if matryoshka:
                for dim in dims[1:]:
                    add(f"  mteb_avg_dim{dim}: {rng.uniform(40, 65):.2f}")
            add("")

        add(f"roles: {flow(rng.choice(info['roles']))}")
        add("")
        add("aliases:")
        add(f"  - {hub_id}")
        if rng.random() < 0.6:
            add(f"  - {word}-{number}")
        if rng.random() < 0.2:
            add(f"  - {org.lower()}.{word}{size}.{number}")
        add("")

        if rng.random() < 0.4:
            backend = rng.choice(info["backends"])
            add("backend:")
            add(f"  kind: {backend}")
            if backend in ("vllm", "ollama", "lmdeploy") or rng.random() < 0.5:
                add(f"  served_model_id: {word}-{size}-{number}")
                add(f"  port: {PORTS[backend] + rng.randint(0, 20)}")
            if backend in ("gguf", "onnx", "transformers") or rng.random() < 0.2:
                add("  # Relative to the models folder on the serving host.")
                suffix = ".gguf" if backend == "gguf" else ("/model.onnx" if backend == "onnx" else "")
                add(f"  model_path: models/{hub_name}{suffix}")
            if backend == "vllm":
                add(f'  extra_args: ["--dtype", "bfloat16", "--max-model-len", {q(str(min(context, 8192)))}]')
            add("")

        # Lineage (~10%): a parent of the same type generated earlier, so no cycle is possible.
        parents = []
        if rng.random() < 0.1:
            same = self.positions[kind]
            parents = same[max(0, bisect.bisect_left(same, i) - 50):bisect.bisect_left(same, i)]
        if parents:
            add(f"fine_tuned_from: {self.ids[rng.choice(parents)]}")
            add("")

        state = self.deprecated.get(i)
        if state == "flag":
            add("deprecated: true")
            add("")
        elif state == "replaced":
            candidates = self.by_type.get(kind) or self.live
            target = rng.choice(candidates)
            add("deprecated:")
            add(f"  since: {q(self.date(rng, 2023, 2025))}")
            add("  reason: " + "\n".join(folded(
                f"Superseded by {self.ids[target]}, which scores better at the same size. Vectors are not "
                "compatible, so re-embed collections when switching.", "    ")))
            add(f"  replaced_by: {self.ids[target]}")
            add("")

        if rng.random() < 0.2:
            names = ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                     "special_tokens_map.json", "1_Pooling/config.json", "modules.json", "vocab.txt",
                     "onnx/model.onnx", "README.md", ".gitattributes", "generation_config.json"]
            chosen = rng.sample(names, rng.randint(2, 6))
            files = []
            for path in chosen:
                big = path.endswith((".safetensors", ".onnx"))
                size_bytes = rng.randint(20_000_000, 3_000_000_000) if big else rng.randint(40, 500_000)
                files.append((path, self.sha("file", i, path), size_bytes))
            aggregate = aggregate_sha256(files)
            add("artifacts:")
            add("  files:")
            for path, sha, size_bytes in files:
                add(f"    - path: {path}")
                add(f"      sha256: {q(sha)}")
                add(f"      size: {size_bytes}")
            add("  # sha256sum <files> | LC_ALL=C sort | sha256sum, run inside the model folder.")
            add(f"  aggregate_sha256: {q(aggregate)}")
            add("")
            if rng.random() < 0.5:
                add("version_lock:")
                add("  locked: true")
                add(f"  expected_aggregate_sha256: {q(aggregate)}")
                add(f"  last_verified: {q('2026-01-01T00:00:00Z')}")
                add("")

        add("metadata:")
        add(f"  paper: https://arxiv.org/abs/{rng.randint(19, 25)}{rng.randint(1, 12):02d}.{rng.randint(0, 99999):05d}")
        if rng.random() < 0.5:
            add(f"  code: https://github.com/{org}/{hub_name.lower()}")
        if kind in ("dense", "colbert"):
            add(f"  pooling: {rng.choice(['mean', 'cls', 'last-token'])}")
            if rng.random() < 0.4:
                add(f"  query_prefix: {q('query: ')}")
                add(f"  passage_prefix: {q('passage: ')}")
        if kind in ("causal-lm", "vision-language"):
            add(f"  attention_heads: {rng.choice([14, 16, 28, 32])}")
            add(f"  kv_heads: {rng.choice([2, 4, 8])}")
            add(f"  tied_word_embeddings: {rng.choice(['true', 'false'])}")
        if rng.random() < 0.5:
            add("  training:")
            add(f"    datasets: [{rng.choice(['msmarco', 'nq', 'hotpotqa', 'c4', 'the-pile'])}, {rng.choice(['synthetic-qa', 'wikipedia', 'stackexchange'])}]")
            add(f"    epochs: {rng.randint(1, 5)}")
            add(f"    learning_rate: {rng.choice(['2.0e-5', '1.0e-4', '3.0e-4'])}")
        if rng.random() < 0.3:
            add("  notes: " + "\n".join(folded(
                "Figures were copied from the model card and have not been reproduced locally. "
                f"Last compared with the card in {self.date(rng, 2024, 2025)}.", "    ")))
        return "\n".join(L) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of model files to generate")
    parser.add_argument("outdir", type=Path, help="output folder (gets registry/ and schemas/)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA, help="schema to copy (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")

    registry = args.outdir / "registry"
    registry.mkdir(parents=True, exist_ok=True)
    for stale in list(registry.glob("*.yaml")) + list(registry.glob("*.yml")):
        stale.unlink()
    (args.outdir / "schemas").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.schema, args.outdir / "schemas" / "model.schema.json")

    generator = Generator(args.count, args.seed)
    total_bytes = 0
    for i in range(args.count):
        text = generator.entry(i)
        (registry / f"{generator.ids[i]}.yaml").write_text(text, encoding="utf-8")
        total_bytes += len(text.encode("utf-8"))
    print(f"wrote {args.count} files ({total_bytes / 1e6:.1f} MB) to {registry}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
