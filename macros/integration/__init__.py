"""The MkDocs integration: the plugin (`plugin`) wiring MkDocs' events to the layers below,
the chapters' macros (`chapter_macros`), Material's patched templates (`theme_patches`),
finished pages and their search entries (`finished_page`, `search_index`), the preview
(`preview_cache`, `preview_problems`), and how pages are written (`compact`, `security_policy`)."""
