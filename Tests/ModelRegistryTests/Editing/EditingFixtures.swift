/// Copies of bundled registry files, as they were when these tests were written, so that the
/// tests do not change when the registry does.
enum EditingFixtures {
    /// registry/colbert-v2.yaml
    static let colbert = """
        # yaml-language-server: $schema=../schemas/model.schema.json
        # ColBERTv2: the reference late-interaction (multi-vector) retriever.

        schema_version: 1
        id: colbert-v2
        name: ColBERTv2
        type: colbert
        license: mit
        description: >-
          Late-interaction retriever: queries and passages are encoded into one
          128-dimensional vector per token and matched with MaxSim. Trained on
          MS MARCO with cross-encoder distillation and hard negatives; the usual
          baseline for ColBERT-style models.

        huggingface_id: colbert-ir/colbertv2.0
        organization: Stanford FutureData Lab (colbert-ir)
        release_date: "2021-12"

        architecture:
          type: bert
          variant: bert-base-uncased
          # A linear layer maps the 768-d hidden states to 128-d token vectors.
          has_projection: true
          projection_dims: 128

        specs:
          parameters: 110M
          embedding_dim: 128
          hidden_dim: 768
          context_length: 512
          max_position_embeddings: 512
          vocab_size: 30522
          num_layers: 12

        capabilities:
          languages: [en]
          modalities: [text]
          multi_vector: true
          matryoshka: false
          quantization: [fp32, fp16]

        performance:
          # ColBERTv2 paper, MS MARCO passage ranking, dev set.
          msmarco_dev_mrr10: 39.7

        roles: [retrieval, rerank]

        aliases:
          - colbertv2
          - colbertv2.0
          - colbert-ir/colbertv2.0

        metadata:
          paper: https://arxiv.org/abs/2112.01488
          code: https://github.com/stanford-futuredata/ColBERT
          # Default encoder lengths used by the ColBERT library for this checkpoint.
          query_maxlen: 32
          doc_maxlen: 180
          similarity: maxsim

        """

    /// registry/e5-large.yaml
    static let e5Large = """
        # yaml-language-server: $schema=../schemas/model.schema.json
        # E5-large (first release). Kept for existing indexes; use e5-large-v2 for new work.

        schema_version: 1
        id: e5-large
        name: E5-large
        type: dense
        license: mit
        description: >-
          First-generation E5 English embedding model (BERT-large size, 1024 dims,
          "query: " / "passage: " prefixes). Same interface as e5-large-v2, which
          scores better.

        huggingface_id: intfloat/e5-large
        organization: Microsoft (intfloat)
        release_date: "2022-12"

        architecture:
          type: bert
          variant: large
          has_projection: false

        specs:
          parameters: 335M
          embedding_dim: 1024
          hidden_dim: 1024
          context_length: 512
          max_position_embeddings: 512
          vocab_size: 30522
          num_layers: 24

        capabilities:
          languages: [en]
          modalities: [text]
          multi_vector: false
          matryoshka: false

        roles: [embedding, retrieval]

        aliases:
          - intfloat/e5-large

        deprecated:
          since: "2023-05"
          reason: >-
            Superseded by e5-large-v2 from the same authors: same size, prefixes and
            pooling, better retrieval quality. Vectors are not compatible, so
            re-embed collections when switching.
          replaced_by: e5-large-v2

        metadata:
          paper: https://arxiv.org/abs/2212.03533
          query_prefix: "query: "
          passage_prefix: "passage: "

        """

    /// registry/vikhr-qwen-2.5-0.5b-instruct.yaml
    static let vikhr = """
        # yaml-language-server: $schema=../schemas/model.schema.json
        # Vikhr-Qwen-2.5-0.5B-Instruct: Russian/English fine-tune of Qwen2.5-0.5B-Instruct.

        schema_version: 1
        id: vikhr-qwen-2.5-0.5b-instruct
        name: Vikhr-Qwen-2.5-0.5B-Instruct
        type: causal-lm
        license: apache-2.0
        description: >-
          Qwen2.5-0.5B-Instruct further instruction-tuned by the Vikhr team on the
          Russian GrandMaster-PRO-MAX dataset, for chat in Russian and English on
          low-end hardware. Same architecture as its base.

        huggingface_id: Vikhrmodels/Vikhr-Qwen-2.5-0.5b-Instruct
        organization: Vikhr models
        release_date: "2024-10"

        architecture:
          type: qwen2
          variant: "0.5B"

        specs:
          parameters: 494M
          hidden_dim: 896
          num_layers: 24

        capabilities:
          languages: [ru, en]
          modalities: [text]
          quantization: [bf16, q4_k_m, q5_k_m, q8_0]

        roles: [chat]

        aliases:
          - Vikhrmodels/Vikhr-Qwen-2.5-0.5b-Instruct

        backend:
          kind: gguf
          # From the authors' GGUF repo Vikhrmodels/Vikhr-Qwen-2.5-0.5B-instruct-GGUF.
          model_path: models/Vikhr-Qwen-2.5-0.5B-instruct-Q4_K_M.gguf

        fine_tuned_from: qwen2.5-0.5b-instruct

        metadata:
          paper: https://arxiv.org/abs/2405.13929
          training_dataset: Vikhrmodels/GrandMaster-PRO-MAX
          recommended_temperature: 0.3

        """
}
