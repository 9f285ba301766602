// The console arrives with issue 4; this keeps the ui library target in place.
namespace vmeclone::ui { int placeholder() { return 0; } }
