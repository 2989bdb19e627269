// Symbol visibility for the hardcheck shared library.
#pragma once

#if defined(HARDCHECK_BUILDING_LIBRARY)
#define HARDCHECK_API __attribute__((visibility("default")))
#else
#define HARDCHECK_API
#endif
