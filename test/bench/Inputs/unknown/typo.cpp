int x;
void f() { x = 1; } // RACE: racelint-lock-ordr
