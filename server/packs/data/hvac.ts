import type { TIndustryPack } from "../schema";

/** Residential heating and air conditioning service. Prices: US 2026, integer cents. */
export const hvacPack = {
  key: "hvac",
  icon: "AirVent",
  name: { en: "HVAC", es: "Aire acondicionado y calefacción" },
  description: {
    en: "Residential heating and air conditioning: diagnostics, tune-ups, repairs, thermostats and duct cleaning.",
    es: "Aire acondicionado y calefacción residencial: diagnósticos, mantenimiento, reparaciones, termostatos y limpieza de ductos.",
  },
  exampleBusinessName: { en: "Comfort Zone Heating & Air", es: "Clima Ideal Aire y Calefacción" },
  services: [
    {
      key: "diagnostic-visit",
      name: { en: "Diagnostic Service Call", es: "Visita de diagnóstico" },
      description: {
        en: "A certified technician inspects your system, finds the problem and gives you an upfront repair price before any work begins.",
        es: "Un técnico certificado revisa su sistema, encuentra la falla y le da el precio de la reparación por adelantado, antes de empezar cualquier trabajo.",
      },
      durationMinutes: 60,
      priceCents: 8900,
    },
    {
      key: "ac-tune-up",
      name: { en: "AC Tune-Up", es: "Mantenimiento de aire acondicionado" },
      description: {
        en: "A multi-point inspection: coil cleaning, refrigerant and electrical checks, and drain line flush to keep your AC efficient all summer.",
        es: "Una inspección completa: limpieza de serpentines, revisión del refrigerante y de la parte eléctrica, y limpieza de la línea de drenaje, para que su aire rinda todo el verano.",
      },
      durationMinutes: 90,
      priceCents: 12900,
    },
    {
      key: "furnace-tune-up",
      name: { en: "Furnace Tune-Up", es: "Mantenimiento de calefacción" },
      description: {
        en: "Burner and heat exchanger inspection, safety and carbon monoxide checks, and a filter change before the cold weather arrives.",
        es: "Inspección de quemadores e intercambiador de calor, pruebas de seguridad y de monóxido de carbono, y cambio de filtro antes de que llegue el frío.",
      },
      durationMinutes: 90,
      priceCents: 12900,
    },
    {
      key: "maintenance-plan",
      name: { en: "Annual Maintenance Plan", es: "Plan de mantenimiento anual" },
      description: {
        en: "Two tune-ups a year (AC in spring, heating in fall), priority scheduling and 15% off repairs. This appointment is your first visit.",
        es: "Dos mantenimientos al año (aire en primavera y calefacción en otoño), prioridad en las citas y 15% de descuento en reparaciones. Esta cita es su primera visita.",
      },
      durationMinutes: 90,
      priceCents: 21900,
    },
    {
      key: "capacitor-replacement",
      name: { en: "Capacitor Replacement", es: "Reemplazo de capacitor" },
      description: {
        en: "Replacement of a failed run or start capacitor, the most common reason an AC stops cooling on a hot day. Parts and labor included.",
        es: "Cambio del capacitor de arranque o de marcha dañado, la causa más común de que el aire deje de enfriar en un día caluroso. Incluye piezas y mano de obra.",
      },
      durationMinutes: 60,
      priceCents: 22900,
    },
    {
      key: "drain-line-clearing",
      name: { en: "Condensate Drain Line Clearing", es: "Destape de la línea de drenaje" },
      description: {
        en: "We clear a clogged condensate line and treat it to prevent algae, stopping leaks and water damage around your indoor unit.",
        es: "Destapamos la línea de condensado y le aplicamos un tratamiento contra algas, para evitar goteras y daños por agua alrededor de la unidad interior.",
      },
      durationMinutes: 60,
      priceCents: 14900,
    },
    {
      key: "smart-thermostat-install",
      name: { en: "Smart Thermostat Installation", es: "Instalación de termostato inteligente" },
      description: {
        en: "Professional installation and setup of your smart thermostat, including wiring checks and app connection. Thermostat not included.",
        es: "Instalación y configuración profesional de su termostato inteligente, con revisión del cableado y conexión a la aplicación. No incluye el termostato.",
      },
      durationMinutes: 90,
      priceCents: 17900,
    },
    {
      key: "air-duct-cleaning",
      name: { en: "Air Duct Cleaning", es: "Limpieza de ductos de aire" },
      description: {
        en: "Whole-home duct cleaning with negative-pressure equipment, for up to 12 vents, one return and the main trunk lines.",
        es: "Limpieza de ductos de toda la casa con equipo de presión negativa, para hasta 12 rejillas, un retorno y los ductos principales.",
      },
      durationMinutes: 240,
      priceCents: 49900,
    },
    {
      key: "emergency-service-call",
      name: { en: "After-Hours Emergency Call", es: "Servicio de emergencia fuera de horario" },
      description: {
        en: "A technician dispatched evenings, weekends or holidays when you have no heat or no cooling. Repair costs are quoted on site.",
        es: "Enviamos a un técnico en la noche, en fin de semana o en días festivos cuando usted se queda sin calefacción o sin aire. El costo de la reparación se cotiza en el lugar.",
      },
      durationMinutes: 60,
      priceCents: 19900,
    },
  ],
  faq: [
    {
      question: { en: "Does the diagnostic fee go toward the repair?", es: "¿El costo del diagnóstico se descuenta de la reparación?" },
      answer: {
        en: "Yes. If you approve the repair during the same visit, we credit the diagnostic fee toward the total.",
        es: "Sí. Si aprueba la reparación durante la misma visita, le descontamos el costo del diagnóstico del total.",
      },
    },
    {
      question: { en: "Do you offer emergency service?", es: "¿Ofrecen servicio de emergencia?" },
      answer: {
        en: "Yes. If you have no heat or no cooling outside business hours, call us and we will dispatch the on-call technician as soon as possible.",
        es: "Sí. Si se queda sin calefacción o sin aire fuera del horario de atención, llámenos y le enviaremos al técnico de guardia lo antes posible.",
      },
    },
    {
      question: { en: "How often should my system be serviced?", es: "¿Cada cuánto debo darle mantenimiento a mi sistema?" },
      answer: {
        en: "Twice a year: the AC in spring and the furnace or heat pump in fall. Regular maintenance lowers your energy bill and helps prevent breakdowns.",
        es: "Dos veces al año: el aire acondicionado en primavera y la calefacción o la bomba de calor en otoño. El mantenimiento regular baja su factura de luz y ayuda a evitar descomposturas.",
      },
    },
    {
      question: { en: "Which brands do you work on?", es: "¿Con qué marcas trabajan?" },
      answer: {
        en: "We service all major brands, including Carrier, Trane, Lennox, Goodman, Rheem and more.",
        es: "Damos servicio a todas las marcas principales, como Carrier, Trane, Lennox, Goodman, Rheem y muchas más.",
      },
    },
    {
      question: { en: "Are your technicians licensed and insured?", es: "¿Sus técnicos tienen licencia y seguro?" },
      answer: {
        en: "Yes. Our technicians are licensed, EPA-certified and insured, and they pass a background check before joining our team.",
        es: "Sí. Nuestros técnicos tienen licencia, certificación de la EPA y seguro, y pasan una verificación de antecedentes antes de formar parte del equipo.",
      },
    },
    {
      question: { en: "Do you guarantee your repairs?", es: "¿Sus reparaciones tienen garantía?" },
      answer: {
        en: "All repairs include a one-year labor warranty, and parts carry the manufacturer's warranty.",
        es: "Todas las reparaciones incluyen un año de garantía en la mano de obra, y las piezas tienen la garantía del fabricante.",
      },
    },
    {
      question: { en: "How do I pay? Do you offer financing?", es: "¿Cómo puedo pagar? ¿Ofrecen financiamiento?" },
      answer: {
        en: "We accept cards, checks and Zelle, with payment due when the work is complete. Financing is available for system replacements, subject to approval.",
        es: "Aceptamos tarjetas, cheques y Zelle, y el pago se hace al terminar el trabajo. Ofrecemos financiamiento para el reemplazo de equipos, sujeto a aprobación.",
      },
    },
    {
      question: { en: "What can I check before I call?", es: "¿Qué puedo revisar antes de llamar?" },
      answer: {
        en: "Make sure the thermostat is set to heat or cool, check that the breaker has not tripped and look at your air filter; a clogged filter causes many problems.",
        es: "Verifique que el termostato esté en modo de calefacción o de aire, revise que el breaker no se haya bajado y fíjese en el filtro de aire; un filtro tapado causa muchos problemas.",
      },
    },
  ],
  customerFields: [
    {
      key: "systemType",
      label: {
        en: "System type (brand, age, AC / furnace / heat pump)",
        es: "Tipo de sistema (marca, antigüedad, aire / calefacción / bomba de calor)",
      },
      type: "text",
    },
    { key: "lastServiceDate", label: { en: "Last service date", es: "Fecha del último servicio" }, type: "text" },
  ],
  config: {
    HOURS: {
      weekly: {
        mon: [{ open: "07:00", close: "19:00" }],
        tue: [{ open: "07:00", close: "19:00" }],
        wed: [{ open: "07:00", close: "19:00" }],
        thu: [{ open: "07:00", close: "19:00" }],
        fri: [{ open: "07:00", close: "19:00" }],
        sat: [{ open: "08:00", close: "16:00" }],
        sun: [],
      },
    },
    AI: {
      persona: {
        en: "A calm, professional and concise assistant for a residential heating and air conditioning company. It understands common symptoms, such as no cooling, strange noises or water leaks, and suggests a diagnostic visit or tune-up as appropriate. It only quotes prices from the service list, never invents repair costs or diagnoses, and offers to book the earliest available time. For emergencies such as a gas smell it tells the caller to leave the home and call 911, and when it is unsure it hands the conversation to a team member.",
        es: "Un asistente tranquilo, profesional y conciso para una empresa de aire acondicionado y calefacción residencial. Entiende los síntomas comunes, como que el aire no enfría, ruidos extraños o fugas de agua, y sugiere una visita de diagnóstico o un mantenimiento según el caso. Solo da precios de la lista de servicios, nunca inventa costos de reparación ni diagnósticos, y ofrece agendar la cita más próxima disponible. Ante emergencias como olor a gas, le indica a la persona que salga de la casa y llame al 911, y cuando tiene dudas pasa la conversación a una persona del equipo.",
      },
      greeting: {
        en: "Thank you for calling {{businessName}}. I can help you schedule service, a tune-up or an emergency visit. How can I help you today?",
        es: "Gracias por llamar a {{businessName}}. Con gusto le ayudo a programar una reparación, un mantenimiento o una visita de emergencia. ¿En qué le puedo ayudar hoy?",
      },
      tone: "PROFESSIONAL",
    },
    SITE: {
      headline: { en: "Stay comfortable all year round", es: "Comodidad en su hogar todo el año" },
      tagline: {
        en: "Heating and air conditioning repair, maintenance and installation from licensed local technicians.",
        es: "Reparación, mantenimiento e instalación de aire acondicionado y calefacción con técnicos locales certificados.",
      },
      about: {
        en: "{{businessName}} keeps local homes cool in summer and warm in winter. Our licensed technicians give upfront prices, arrive on time and stand behind their work.",
        es: "{{businessName}} mantiene los hogares de la zona frescos en verano y cálidos en invierno. Nuestros técnicos certificados dan precios por adelantado, llegan a tiempo y respaldan su trabajo.",
      },
      primaryColor: "#C2410C",
      blocks: ["hero", "services", "about", "reviews", "faq", "loyalty", "hours", "contact"],
    },
    LOYALTY: {
      pointsPerDollar: 1,
      welcomeBonusPoints: 100,
      rewardThresholdPoints: 1500,
      rewardDescription: { en: "A free AC or furnace tune-up", es: "Un mantenimiento de aire o calefacción gratis" },
    },
  },
} satisfies TIndustryPack;
