#pragma once
// Transparent huge pages for the process's heap (docs/PERFORMANCE.md, "Huge pages").

namespace chaincrm {

/// Called first thing in main(): unless glibc's malloc already has a `glibc.malloc.hugetlb`
/// setting, re-executes the program once (same pid, same arguments) with
/// GLIBC_TUNABLES=glibc.malloc.hugetlb=1 added, so that malloc asks the kernel for
/// transparent huge pages (madvise) on the memory it maps. The value run touches about 1.4 GB
/// at 1M customers; with 4 KiB pages the page faults alone cost seconds on a virtual machine.
/// Does nothing when CHAINCRM_HUGE_PAGES=0, when the kernel has transparent huge pages off
/// ("[never]"), or when the re-exec fails (the program then just runs on, with ordinary
/// pages). Sanitizer builds re-execute too (their allocator ignores the tunable), so that
/// the tests see what a release build does.
void UseHugePagesForMalloc(char** argv);

}  // namespace chaincrm
