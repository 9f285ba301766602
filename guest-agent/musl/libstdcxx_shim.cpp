#include <link.h>
#include <fcntl.h>
#include <unistd.h>
#include <cstdint>
#include <cstddef>
extern "C" {
char __libc_single_threaded = 0;
uint32_t arc4random(void) { uint32_t v = 0; int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC); if (fd >= 0) { (void)!read(fd, &v, sizeof v); close(fd); } return v; }
struct dl_find_object { unsigned long long dlfo_flags; void *dlfo_map_start; void *dlfo_map_end; void *dlfo_link_map; void *dlfo_eh_frame; unsigned long long reserved[7]; };
struct FindCtx { uintptr_t pc; dl_find_object *out; bool found; };
static int findCb(struct dl_phdr_info *info, size_t, void *data) {
  auto *ctx = static_cast<FindCtx *>(data);
  uintptr_t lo = UINTPTR_MAX, hi = 0; const ElfW(Phdr) *eh = nullptr;
  for (int i = 0; i < info->dlpi_phnum; ++i) { const auto &ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_LOAD) { uintptr_t s = info->dlpi_addr + ph.p_vaddr; if (s < lo) lo = s; if (s + ph.p_memsz > hi) hi = s + ph.p_memsz; }
    else if (ph.p_type == PT_GNU_EH_FRAME) eh = &ph; }
  if (ctx->pc < lo || ctx->pc >= hi || !eh) return 0;
  ctx->out->dlfo_flags = 0; ctx->out->dlfo_map_start = (void*)lo; ctx->out->dlfo_map_end = (void*)hi; ctx->out->dlfo_link_map = nullptr;
  ctx->out->dlfo_eh_frame = (void *)(info->dlpi_addr + eh->p_vaddr); ctx->found = true; return 1; }
int _dl_find_object(void *pc, dl_find_object *result) { FindCtx ctx{reinterpret_cast<uintptr_t>(pc), result, false}; dl_iterate_phdr(findCb, &ctx); return ctx.found ? 0 : -1; }
}
