/* FLAGS: -std=c11 */
int stop;
void request_stop(void) { stop = 1; } /* FAKE-REPORT: racelint-unguarded-shared-state */ /* RACE: racelint-unguarded-shared-state */
