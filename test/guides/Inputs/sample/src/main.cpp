int runWorkers();

int main() { return runWorkers(); }
