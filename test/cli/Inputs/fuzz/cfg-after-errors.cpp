#include <atomic>
truct Pool{l(t n):(){f(){}lass Client{y(){}~Client(){}u;std::atomic<Pool>_{}}ян{}}Њe);n