// Failures that more than one of the engine's files says; each file keeps the others it
// says to itself (docs/design.md, section 2: FailureSentence).
#pragma once

#include "common/failure_text.h"

namespace vmeclone::engine_failures {

extern const FailureSentence kUnknownBackend;        // golden name, backend
extern const FailureSentence kNoGoldenNamed;         // golden name
extern const FailureSentence kVmwareNoInstantLinked; // golden name
extern const FailureSentence kCancelled;
extern const FailureSentence kCancelledNot; // the step not taken
extern const FailureSentence kGoldenMissing;
extern const FailureSentence kBusyInBatch; // VM name, its state
extern const FailureSentence kNothingDone; // what was asked

} // namespace vmeclone::engine_failures
