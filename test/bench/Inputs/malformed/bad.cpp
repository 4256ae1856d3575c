int x;
void f() { x = 1; } // RACE: inconsistent-locking
